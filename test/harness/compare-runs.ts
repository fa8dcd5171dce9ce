import { isDeepStrictEqual } from 'node:util';
import type { Observation, RunKind, Scenario } from './simulate';

/**
 * Whether a fixture's output, run, does what its input did. Output and input must agree on what
 * the calls returned or threw, what they sent on their responses, what was logged, the effects the
 * stub modules recorded and the committed data; the output's report (session errors, leaked
 * sessions, violations, events, unhandled rejections) may only lose entries (the commit failures
 * the scenario injects do not count). The exceptions are the bug a rewrite fixes, each narrow:
 *
 * - input masked: when the input's abort threw "Cannot call abortTransaction after calling
 *   commitTransaction" (or "... twice") and so hid the real error, and the output's did not, the
 *   calls and the log may differ: the output must show the real error (the commit's own error
 *   when the commit failed, otherwise a thrown error or an error object in a response or the
 *   log), and the masking text nowhere (unless the scenario declares how its calls or log
 *   differ: a wrapper that answers a failed commit with its own failure value, `false`). An
 *   output that still hides a failed commit behind "Cannot call abortTransaction after calling
 *   commitTransaction" fails, even as its input did, unless the rewrite is not one that guards
 *   aborts (`guardsAborts: false`, add-missing-await's own fixtures).
 * - `commit-fails` and `transient-commit`, output retried: when transaction() retried a failed
 *   commit and the input did not retry, the output must do what the input does when nothing
 *   fails (its run of the same path); its log may repeat one stretch of lines (the body, run again, with
 *   the ids it drew afresh), and its report may add the retry events and, per event, as many
 *   repeats as attempts.
 * - declared: `differences: { <run>: { <calls|logs|effects|data>: reason } }` in the scenario
 *   excuses that field in that run, and only when the field does differ and either the input's
 *   run shows the bug (a session error, a violation, an unhandled rejection, a leaked session, a
 *   write after the transaction ended, or an endSession() that silently aborted a transaction) or
 *   the output retried (a value built from an id the retry drew afresh). An output's
 *   endSession() that aborts a transaction is no difference in itself (ending a session a throw
 *   left in a transaction is the fix for a leak): what it changes shows in the data.
 */

export const MASKED_COMMIT = 'Cannot call abortTransaction after calling commitTransaction';
const COMPARED = ['calls', 'logs', 'effects', 'data'] as const;
type Compared = (typeof COMPARED)[number];

export interface RunComparison {
  kind: RunKind;
  input: Observation;
  output: Observation;
  /** The input's run of the same path without a failing commit (what a transparent retry must reproduce). */
  inputNormal: Observation;
  scenario: Pick<Scenario, 'differences' | 'noCommit'>;
  /**
   * Whether the rewrite is one that must stop an abort from hiding a failed commit (the abort
   * guard of hoist-end-session, transaction() of the converting transforms); false for a
   * transform whose fixture shows only its own fix (add-missing-await).
   */
  guardsAborts?: boolean;
}

/** Every way the output's run departs from the input's beyond the fix; empty when it does not. */
export function runDifferences({ kind, input, output, inputNormal, scenario, guardsAborts = true }: RunComparison): string[] {
  const problems: string[] = [];
  const inRun = normalize(input);
  const outRun = normalize(output);
  const retryMode = kind.commit !== 'ok' && retries(outRun) > 0 && retries(inRun) === 0;
  const reference = retryMode ? normalize(inputNormal) : inRun;
  const unmasked = !retryMode && masks(inRun) && !masks(outRun);
  const declared = scenario.differences?.[kind.kind] ?? {};
  for (const field of Object.keys(declared)) {
    if (!(COMPARED as readonly string[]).includes(field)) problems.push(`differences.${kind.kind}.${field}: only ${COMPARED.join(', ')} can be declared`);
  }

  if (unmasked && declared.calls === undefined && declared.logs === undefined) problems.push(...surfaced(inRun, outRun));
  if (guardsAborts && hidesCommit(inRun) && hidesCommit(outRun)) {
    problems.push(`the output still hides the failed commit behind "${MASKED_COMMIT}", as the input did; it must show the commit's own error`);
  }
  for (const field of COMPARED) {
    if (unmasked && (field === 'calls' || field === 'logs')) continue;
    const same = field === 'logs' && retryMode ? isRepeatOf(outRun.logs, reference.logs) : isDeepStrictEqual(outRun[field], reference[field]);
    if (declared[field] !== undefined) {
      if (same) problems.push(`${field}: the declared difference ("${declared[field]}") does not occur; remove it`);
      else if (!showsBug(inRun) && !retryMode) problems.push(`${field}: a difference is declared ("${declared[field]}") but the input's run shows no bug and the output did not retry`);
      continue;
    }
    if (!same) problems.push(describeDifference(field, reference[field], outRun[field], retryMode));
  }

  const attempts = retryMode ? retries(outRun) + 1 : 1;
  const report = outRun.report;
  problems.push(
    ...added('errors', report.errors.filter((e) => e.kind !== 'injected'), inRun.report.errors, (e) => `${e.kind}: ${e.message}`),
    ...added('violations', report.violations, inRun.report.violations, (v) => `${v.kind}${v.op ? ` (${v.op})` : ''}`),
    ...added('unhandled rejections', report.unhandled, inRun.report.unhandled, (u) => `${u.type}: ${u.message}`),
    ...added(
      'events',
      report.events.filter((e) => !(kind.commit !== 'ok' && e.kind === 'transaction-retry') && e.kind !== 'end-aborts-transaction'),
      retryMode ? repeat(normalize(inputNormal).report.events, attempts) : inRun.report.events,
      (e) => `${e.kind}${e.op ? ` (${e.op})` : ''}`,
    ),
  );
  if (report.leaked.length > inRun.report.leaked.length) {
    problems.push(`leaked sessions: ${report.leaked.length} (${report.leaked.join(', ')}), the input leaked ${inRun.report.leaked.length}`);
  }

  if (kind.commit === 'fails') {
    const used = input.commitFailuresLeft === 0 || output.commitFailuresLeft === 0;
    if (!used && !scenario.noCommit) problems.push('the injected commit failure was never used: the normal path does not commit (if it aborts on purpose, say so in `noCommit`)');
    if (used && scenario.noCommit) problems.push(`noCommit says "${scenario.noCommit}", but the normal path commits`);
  }
  return problems;
}

/** How many times transaction()/withTransaction() retried in the run. */
function retries(run: Observation): number {
  return run.report.events.filter((e) => e.kind === 'transaction-retry').length;
}

/** What a fix may remove shows in the input's report: session trouble of any kind. */
function showsBug(run: Observation): boolean {
  const r = run.report;
  return (
    r.errors.some((e) => e.kind === 'session' || e.kind === 'txn') ||
    r.violations.length > 0 ||
    r.unhandled.length > 0 ||
    r.leaked.length > 0 ||
    r.events.some((e) => e.kind === 'write-outside-transaction' || e.kind === 'end-aborts-transaction')
  );
}

/** Entries of `output` (as a multiset, by key) that `input` does not have. */
function added<T>(what: string, output: T[], input: T[], key: (entry: T) => string): string[] {
  const left = new Map<string, number>();
  for (const entry of input) left.set(key(entry), (left.get(key(entry)) ?? 0) + 1);
  const extra: string[] = [];
  for (const entry of output) {
    const k = key(entry);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else extra.push(k);
  }
  return extra.length ? [`${what} the input did not have: ${extra.join('; ')}`] : [];
}

function repeat<T>(list: T[], times: number): T[] {
  return Array.from({ length: times }, () => list).flat();
}

/**
 * `output` is `reference`, or `reference` with one stretch of lines run twice in a row; the ids
 * generated in that stretch may differ (the first attempt drew its own).
 */
export function isRepeatOf(output: unknown[], reference: unknown[]): boolean {
  if (isDeepStrictEqual(output, reference)) return true;
  output = anyGeneratedId(output) as unknown[];
  reference = anyGeneratedId(reference) as unknown[];
  const extra = output.length - reference.length;
  if (extra <= 0) return false;
  for (let end = extra; end <= reference.length; end++) {
    const start = end - extra;
    const candidate = [...reference.slice(0, end), ...reference.slice(start, end), ...reference.slice(end)];
    if (isDeepStrictEqual(output, candidate)) return true;
  }
  return false;
}

const GENERATED_LABEL = /#(oid|uuid)\d+/g;

function anyGeneratedId(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(GENERATED_LABEL, '#$1');
  if (Array.isArray(value)) return value.map(anyGeneratedId);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, anyGeneratedId(v)]));
  return value;
}

/** The errors an abort throws when it comes after the commit or after another abort: they hide the real error. */
export const MASKING = [MASKED_COMMIT, 'Cannot call abortTransaction twice'];

function masks(run: Observation): boolean {
  return run.report.errors.some((e) => MASKING.includes(e.message));
}

function hidesCommit(run: Observation): boolean {
  return run.report.errors.some((e) => e.message === MASKED_COMMIT);
}

/**
 * Where the input's abort threw and hid the real error, the output must show the real one: the
 * commit's own error when the commit failed, otherwise some error (thrown, or an error object in a
 * response or the log); never the masking text.
 */
function surfaced(inRun: Observation, outRun: Observation): string[] {
  const shown = JSON.stringify([outRun.calls, outRun.logs]);
  const masking = MASKING.filter((m) => shown.includes(m));
  if (masking.length) return [`the output still shows "${masking[0]}"`];
  const commit = inRun.report.errors.find((e) => e.op === 'commitTransaction' && !MASKING.includes(e.message));
  if (commit && hidesCommit(inRun)) {
    return shown.includes(commit.message) ? [] : [`the input hid the failed commit behind "${MASKED_COMMIT}"; the output must show the commit's own error ("${commit.message}"), and does not`];
  }
  const anError = outRun.calls.some((c) => c.threw !== undefined) || shown.includes('"$error"');
  return anError ? [] : ["the input's abort hid the real error; the output shows no error at all"];
}

const OBJECT_ID = /\b[0-9a-f]{24}\b/g;
const UUID = /\b00000000-0000-4000-8000-[0-9a-f]{12}\b/g;

/**
 * Ids the run generated become `#oid1`, `#oid2`, ... and `#uuid1`, ... in order of first
 * appearance (a retry draws new ones), ids the scenario named with id() become `#name`.
 */
export function normalize(run: Observation): Observation {
  const labels = new Map<string, string>();
  let oids = 0;
  let uuids = 0;
  const label = (token: string, kind: 'oid' | 'uuid') => {
    if (run.names[token]) return `#${run.names[token]}`;
    if (!labels.has(token)) labels.set(token, kind === 'oid' ? `#oid${++oids}` : `#uuid${++uuids}`);
    return labels.get(token)!;
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(OBJECT_ID, (t) => label(t, 'oid')).replace(UUID, (t) => label(t, 'uuid'));
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.$oid === 'string' && Object.keys(record).length === 1) return label(record.$oid, 'oid');
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return {
    ...run,
    calls: walk(run.calls) as Observation['calls'],
    logs: walk(run.logs) as unknown[][],
    effects: walk(run.effects) as unknown[][],
    data: walk(inContentOrder(run.data, run.names)) as Observation['data'],
    report: walk(run.report) as Observation['report'],
  };
}

/**
 * A collection is a set: its documents are compared in the order of their contents (generated
 * ids left out), not in the order they were inserted, which operations run one after the other
 * instead of in parallel change.
 */
function inContentOrder(data: Observation['data'], names: Observation['names']): Observation['data'] {
  const key = (doc: unknown) => JSON.stringify(doc).replace(OBJECT_ID, (t) => (names[t] ? t : '#')).replace(UUID, '#');
  return Object.fromEntries(
    Object.entries(data).map(([name, docs]) => [name, docs.map((doc) => [key(doc), doc] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, doc]) => doc)]),
  );
}

function describeDifference(field: Compared, expected: unknown, actual: unknown, retryMode: boolean): string {
  const against = retryMode ? "the input's normal run (the output retried the commit)" : "the input's";
  return `${field} differ from ${against}:\n  input:  ${brief(expected)}\n  output: ${brief(actual)}`;
}

function brief(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 1500 ? `${text.slice(0, 1500)}...` : text;
}
