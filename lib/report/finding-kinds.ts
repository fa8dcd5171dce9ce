import { reasonsOf } from '../findings';
import type { Finding } from '../types';

/**
 * The kinds of reason a finding gives, for a report that counts them. A reason names lines and
 * code, so findings are grouped by the kind their reason belongs to, never by its text. Each kind
 * is recognised by the stable words of the reasons the transforms write; a reason no kind knows
 * is counted as `other` (a test keeps every reason the fixtures expect out of it).
 */
export interface FindingKind {
  /** Stable key (for anchors and machine use). */
  key: string;
  /** A few words a reviewer scans. */
  title: string;
  /** What a finding of this kind means for the code, and what to do. */
  meaning: string;
  /** The stable words of every reason of this kind; the first kind whose pattern matches wins. */
  pattern: RegExp;
}

export const FINDING_KINDS: readonly FindingKind[] = [
  {
    key: 'retry-hazard',
    title: 'Body not safe to run twice',
    meaning:
      'transaction() runs its callback again after a transient error; this body does something a second run would repeat (an HTTP call, an email, a write without the session, a change to an outer object) or calls code the tool cannot see into. The transaction stays hand-managed; move the effect after the commit to convert it.',
    pattern: /the transaction body (has an effect|writes without the session|changes `|calls code that may)/,
  },
  {
    key: 'wrapper-callbacks',
    title: "Wrapper's callbacks not known safe to run twice",
    meaning:
      "A home-made transaction wrapper converts only when every callback its callers pass is safe to run twice: here one has an effect, writes without the session or manages the session itself (the finding names it at its caller's file and line), or the callers cannot all be listed (none found, exported by a package entry, an instance handed on). Fix the callback named, or convert the wrapper by hand once all of its callers are known.",
    pattern: /the transaction body runs the callback of /,
  },
  {
    key: 'pinned-by-spec',
    title: "Pinned by the project's own spec",
    meaning:
      "A spec of the package gives this code a stand-in session (it replaces startSession() or mocks Mongoose, or passes a fake session) and checks the session's calls: the rewrite would make that spec fail, so the code stays as it is. Update the spec (or its stand-in) together with the code.",
    pattern: /the spec .* (replaces startSession\(\)|gives this code a stand-in session|checks that abortTransaction\(\) is called)/,
  },
  {
    key: 'mongoose-itself',
    title: "Mongoose's own tests",
    meaning: 'The package is Mongoose: its tests, and the documentation examples built from them, exercise the session API by hand (startTransaction(), commitTransaction(), withTransaction()); a conversion to transaction() would change what they test.',
    pattern: /this package is Mongoose itself/,
  },
  {
    key: 'mongoose-version',
    title: 'Mongoose version',
    meaning: 'The Mongoose version the code must work with cannot take the rewrite (transaction() ends its session only from 6.1.8), or it is unknown.',
    pattern: /(uses|with) Mongoose \d|Mongoose version is unknown|neither depends on Mongoose|on this Mongoose version/,
  },
  {
    key: 'conditional-owner',
    title: 'Session owned on one path only',
    meaning: 'The function uses a session its caller may pass and starts one only otherwise; ending or replacing it must follow that condition, which is left to a person.',
    pattern: /owns the session only when it created it|the finally that would end the session tests/,
  },
  {
    key: 'received-session',
    title: 'Session received from the caller',
    meaning: 'The function works on a session it did not start (a parameter): its caller owns it, so this function neither ends it nor replaces its transaction.',
    pattern: /received from (its|the) caller|ends a session it received|passes a session it did not start/,
  },
  {
    key: 'helper-abort',
    title: 'Helper aborts without a guard',
    meaning:
      "A helper aborts the session its caller gives it without checking that the transaction is still open: after a failed commit the abort throws and hides the commit's error. The guard is added only when every caller is known; otherwise add `if (session.inTransaction())` by hand.",
    pattern: /aborts the session it is given/,
  },
  {
    key: 'wrapper-rerun',
    title: 'Wrapper runs the work again without a transaction',
    meaning: 'A home-made transaction wrapper calls its callback a second time without the session after the transaction failed: the writes run again outside any transaction, where nothing undoes a partial failure. Let the error through instead.',
    pattern: /runs its callback again without the session/,
  },
  {
    key: 'sessionless-wrapper',
    title: 'Wrapper gives its callback no session',
    meaning:
      'A home-made wrapper starts a transaction and calls its callback without the session, so what the callbacks write runs outside the transaction and the commit commits none of it. Make the wrapper hand its callback the session and pass it to each write.',
    pattern: /calls (its|this) callback without the session/,
  },
  {
    key: 'test-double',
    title: 'Factory replaced in tests',
    meaning: 'A test replaces or spies on the function that hands out the session, so its callers may get a stand-in there: nothing that ends or guards the session was added to them.',
    pattern: /replaces or spies on/,
  },
  {
    key: 'request-scoped',
    title: 'Transaction split between middleware and handlers',
    meaning:
      'A session rides on the request (`req.dbSession`, `res.locals.session`): a middleware that commits when next() returns commits before the route handler writes (Express does not wait for the handler), and a handler (or a function the handler hands the session to) that commits, aborts or ends the session it got from the request splits one transaction across functions. Start, commit and end the transaction in one place, such as connection.transaction() in the handler.',
    pattern: /this middleware puts the session on the request|a session it got from the request|the session its caller \(.*\) got from the request/,
  },
  {
    key: 'session-escapes',
    title: 'Session outlives the function',
    meaning:
      'The session leaves the function (returned, stored on an object, captured by a callback, handed to a helper that goes on using it, used by a promise the function returns without awaiting it), so the function cannot end it or swap it for a transaction() of its own; a finally of the function would end it while that use goes on.',
    pattern:
      /the promise of startSession\(\) is kept|goes on using the session|the session (is returned|is stored|is kept|is put into|is put on the request|is passed to a constructor|is captured|is handed|variable is reassigned|variable is declared outside)|passed to a constructor|not stored in a variable|stored with \w+\(\)|created (at the top level|outside any function)/,
  },
  {
    key: 'session-used-outside',
    title: 'Session used outside the transaction',
    meaning: 'The session is used before the transaction starts, after it ends, or by the error handler for more than aborting; transaction() owns the session only inside its callback.',
    pattern: /the session is used (after|before|outside)|uses the session for more than aborting|used after the try that creates it|save\(\) calls follow this early endSession/,
  },
  {
    key: 'swallowed-start',
    title: 'Start of the session would move under a swallowing catch',
    meaning:
      'startSession() runs before the try, so the function throws when it fails; transaction() starts its session inside the try, whose catch does not rethrow on every path, so that failure would be swallowed (logged, recorded, answered) instead: the code stays as it is. Starting the session inside the try, or rethrowing from the catch, makes it convertible.',
    pattern: /under a catch that swallows its failure/,
  },
  {
    key: 'control-flow',
    title: 'Control flow transaction() cannot express',
    meaning:
      'Commits or aborts in several places, returns that neither commit nor abort, aborts made in helpers or loops, jumps out of the body: a transaction() callback commits once, when it returns, so the code stays as it is.',
    pattern:
      /returns at line|the return at line|which (commits|aborts) the transaction there|committed at lines|commits more than once|commit is not reached|commit is used inside|aborted (at|inside)|abort at line|after the abort|jumps out|yields|started conditionally|more than one transaction|ended before the commit|not committed or aborted|runs in a nested function|step (decides|at line)|steps declare|first step after the commit|value from inside the transaction|handles its own errors|nested inside a step|step's own callback|withTransaction\(\)|larger expression|destructured|its \.catch\(\) does more than abort, so the (declaration|statement)|cannot be split there/,
  },
  {
    key: 'connection',
    title: 'Connection not known',
    meaning: "The tool cannot tell which Mongoose connection the session comes from (or it is the MongoDB driver's client, or startSession() takes options), so it cannot write the connection's transaction().",
    pattern: /which connection|cannot name the connection|a connection this file cannot name|no such connection injected|client\.startSession\(\)|startSession\(\) is given options/,
  },
  {
    key: 'session-factory',
    title: 'Session factory the rewrite would stop calling',
    meaning:
      "The session comes from a function of the project that hands it out; transaction() starts its own session and no longer calls that function, so what else it does (a log, a counter) would be lost, a private one (or the private field it is reached through) would be left unused, or the import taken out with it would stop loading a module that does more than define things. Convert by hand, or keep the factory's other work elsewhere.",
    pattern: /does more than start it|would leave it unused|loads only for its sessions|private field would be left unread/,
  },
  {
    key: 'node-callback',
    title: 'Node-style callback',
    meaning: 'A Mongoose 5/6 operation is given a callback: awaiting it would run it twice, and transaction() would not wait for it. Convert it to a promise by hand.',
    pattern: /Node-style callback/,
  },
  {
    key: 'als-join',
    title: 'Would join the transaction under AsyncLocalStorage',
    meaning: 'With transactionAsyncLocalStorage on, a read meant to run outside the transaction would join it inside transaction().',
    pattern: /AsyncLocalStorage is on/,
  },
  {
    key: 'parallel-operations',
    title: 'Operations in parallel',
    meaning: 'Session operations started together (Promise.all, map or forEach with async callbacks) are undefined behaviour in a transaction; where the rewrite to a sequential loop would change the result, it is left to a person.',
    pattern: /Promise\.\w+\(\)|starts operations without waiting|in parallel on one session|may not set ordered: true/,
  },
  {
    key: 'not-async',
    title: 'No async function around it',
    meaning: 'The fix needs await (or a finally) where there is no async function: a function that is not async (making it async would change what it returns to its callers), or the top level of a script.',
    pattern: /not async|top level of the module/,
  },
  {
    key: 'query-now-runs',
    title: 'Query now runs',
    meaning: 'A query that was never executed (no await, exec() or then()) is awaited now, so it runs: check that the write is wanted.',
    pattern: /this query was never executed/,
  },
  {
    key: 'no-session',
    title: 'Operation outside the transaction',
    meaning:
      "An operation inside the transaction runs without the transaction's session (none given, an explicit empty one, options that may not hold it, a model of another connection, a create() of one document that cannot take options), so an abort does not undo it. Pass the session by hand if it belongs in the transaction.",
    pattern: /has no session|runs outside the transaction|stays outside the transaction|may hold a session|another connection than the transaction|a best-effort write outside the transaction/,
  },
  {
    key: 'unknown-types',
    title: 'Promise or not: unknown',
    meaning: 'A call passes the session, but without type facts the tool cannot tell whether it returns a promise to await.',
    pattern: /whether it returns a promise is unknown/,
  },
  {
    key: 'end-session',
    title: 'endSession() left where it is',
    meaning: 'An endSession() that runs inside a callback, is used as a value, or follows code that can throw before the try: it stays for a person to move.',
    pattern: /endSession\(\) (inside a|runs in a callback|is used as a value)|code between startSession\(\) and the try|used as a value|function declared after startSession\(\)|nothing uses the session|position tx-codemod does not rewrite|outside a block of statements|not declared right before the try|try that creates the session is not in a block/,
  },
  {
    key: 'session-parameter',
    title: 'Session parameter or argument kept',
    meaning: 'A helper keeps a session parameter (or { session }) that nothing needs any more, because callers outside the file may still pass it; remove it by hand.',
    pattern: /session parameter|\{ session \} kept|as a plain argument/,
  },
  {
    key: 'review-change',
    title: 'Change to review',
    meaning: 'The tool made a change whose effect a reviewer should confirm: a commit that was not awaited before, a chain that is awaited now, a save() without its session, a create() whose options would be saved as a document.',
    pattern: /without returning it|neither returned nor awaited|save\(\) lost its|create\(\) is called with a single document/,
  },
];

export const OTHER_KIND: FindingKind = {
  key: 'other',
  title: 'Other',
  meaning: 'A reason no kind above covers; read the finding.',
  pattern: /$^/,
};

/** The kind a reason belongs to. */
export function findingKind(reason: string): FindingKind {
  return FINDING_KINDS.find((kind) => kind.pattern.test(reason)) ?? OTHER_KIND;
}

/**
 * The kinds of a finding, each reason classified on its own (a site several transforms reported
 * gives one reason each: their sentence joined would match whichever kind comes first), its own
 * reason's kind first, each kind once.
 */
export function kindsOf(finding: Finding): FindingKind[] {
  return [...new Set(reasonsOf(finding).map((r) => findingKind(r.reason)))];
}
