import type { TransformName } from './transform-names';

/**
 * The kinds of problem tx-codemod repairs or reports. Each is an ESLint rule (`tx-codemod/<name>`)
 * and a SARIF rule; the codemod's changes and findings are sorted into them by `ruleFor`.
 */
export const RULE_NAMES = [
  'no-unawaited-operation',
  'end-session-in-finally',
  'no-end-session-in-transaction-callback',
  'no-unguarded-abort',
  'prefer-connection-transaction',
  'no-redundant-als-session',
  'no-session-less-operation',
  'create-many-needs-ordered',
  'no-request-scoped-transaction',
] as const;

export type RuleName = (typeof RULE_NAMES)[number];

export interface RuleInfo {
  name: RuleName;
  /** One sentence: the problem the rule finds. */
  description: string;
  /** What a report of a change says is wrong, before the codemod's description of its fix. */
  problem: string;
  /** Bugs are errors; advice (a correct transaction that `transaction()` could replace) is a warning. */
  severity: 'error' | 'warn';
  /** The transforms whose changes and findings the rule reports. */
  transforms: readonly TransformName[];
}

export const RULES: Readonly<Record<RuleName, RuleInfo>> = {
  'no-unawaited-operation': {
    name: 'no-unawaited-operation',
    description:
      'An operation inside a transaction that nobody awaits (also forEach/map with async callbacks and Promise.all/allSettled/race over session operations), or an unawaited commitTransaction(), abortTransaction(), endSession(), withTransaction() or transaction()',
    problem: 'Nobody awaits this transaction operation',
    severity: 'error',
    transforms: ['add-missing-await'],
  },
  'end-session-in-finally': {
    name: 'end-session-in-finally',
    description:
      'endSession() that is not in a finally of the function that started the session, or that a function calls on a session it received',
    problem: 'The session is not ended once, in a finally of the function that started it',
    severity: 'error',
    transforms: ['hoist-end-session'],
  },
  'no-end-session-in-transaction-callback': {
    name: 'no-end-session-in-transaction-callback',
    description: 'endSession() inside a transaction(), withTransaction() or withSession() callback, which aborts the transaction silently',
    problem: 'endSession() inside a callback whose transaction ends the session itself',
    severity: 'error',
    transforms: ['hoist-end-session'],
  },
  'no-unguarded-abort': {
    name: 'no-unguarded-abort',
    description: 'abortTransaction() that can run after the commit was sent, where it throws and hides the commit error',
    problem: 'abortTransaction() can run after the commit was sent',
    severity: 'error',
    transforms: ['hoist-end-session'],
  },
  'prefer-connection-transaction': {
    name: 'prefer-connection-transaction',
    description:
      'A hand-managed or promise-chain transaction that connection.transaction() could replace (it commits, aborts, retries and ends the session itself)',
    problem: 'connection.transaction() can replace this hand-managed transaction',
    severity: 'warn',
    transforms: ['promise-chain-to-transaction', 'manual-to-transaction'],
  },
  'no-redundant-als-session': {
    name: 'no-redundant-als-session',
    description: '{ session } or .session(session) inside connection.transaction() where AsyncLocalStorage already supplies the session',
    problem: 'AsyncLocalStorage already supplies this session',
    severity: 'error',
    transforms: ['strip-als-session'],
  },
  'no-session-less-operation': {
    name: 'no-session-less-operation',
    description:
      'A write inside a transaction (between startTransaction() and the commit, or in a transaction()/withTransaction() callback) sent without the transaction\'s session, so it runs outside the transaction and no abort undoes it',
    problem: 'This write runs outside the transaction: it is sent without the session',
    severity: 'error',
    transforms: ['add-missing-session'],
  },
  'create-many-needs-ordered': {
    name: 'create-many-needs-ordered',
    description:
      'Model.create() with a session and an array that can hold several documents, without ordered: true (it throws from Mongoose 8.10 and saves the documents in parallel on one transaction before)',
    problem: 'create() with a session and several documents needs ordered: true',
    severity: 'error',
    transforms: ['add-missing-session'],
  },
  'no-request-scoped-transaction': {
    name: 'no-request-scoped-transaction',
    description:
      'A transaction whose session rides on the request: a middleware that commits when next() returns (Express does not wait for the route handler, so the commit runs before its writes), or a handler that commits, aborts or ends a session it got from the request',
    problem: 'This transaction is split between a middleware and the route handlers',
    severity: 'error',
    transforms: ['hoist-end-session'],
  },
};

/**
 * The kind of problem each transform is about; a change or finding of another kind says so itself
 * (`rule`). A transform added to the pipeline does not compile here until it is given its kind.
 */
const RULE_OF_TRANSFORM: Record<TransformName, RuleName> = {
  'add-missing-session': 'no-session-less-operation',
  'promise-chain-to-transaction': 'prefer-connection-transaction',
  'manual-to-transaction': 'prefer-connection-transaction',
  'add-missing-await': 'no-unawaited-operation',
  'hoist-end-session': 'end-session-in-finally',
  'strip-als-session': 'no-redundant-als-session',
};

/** The rule a change or finding of `transform` belongs to. */
export function ruleFor(transform: TransformName, rule?: RuleName): RuleInfo {
  return RULES[rule ?? RULE_OF_TRANSFORM[transform]];
}

/** The transforms whose changes and findings `rules` report. */
export function transformsOf(rules: Iterable<RuleName>): Set<TransformName> {
  return new Set([...rules].flatMap((name) => RULES[name].transforms));
}
