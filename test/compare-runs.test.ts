import { describe, expect, it } from 'vitest';
import { isRepeatOf, MASKED_COMMIT, normalize, runDifferences } from './harness/compare-runs';
import type { Observation, RunKind } from './harness/simulate';

const COMMIT_ERROR = 'WriteConflict error: simulated transient commit failure';
const NORMAL: RunKind = { kind: 'normal', path: 'normal', commit: 'ok' };
const FAILURE: RunKind = { kind: 'out of stock', path: 'out of stock', commit: 'ok' };
const COMMIT_FAILS: RunKind = { kind: 'commit-fails', path: 'normal', commit: 'fails' };
const TRANSIENT: RunKind = { kind: 'transient-commit', path: 'normal', commit: 'transient' };

type RunOverrides = Omit<Partial<Observation>, 'report'> & { report?: Partial<Observation['report']> };

function run(overrides: RunOverrides = {}): Observation {
  const { report, ...rest } = overrides;
  return {
    calls: [{ call: 'createOrder', returned: { $undefined: true }, sent: [[['status', 201], ['json', { ok: true }]]] }],
    finished: true,
    harnessError: null,
    logs: [],
    effects: [],
    data: { orders: [{ _id: { $oid: '65f000000000000000000001' }, quantity: 2 }] },
    commitFailuresLeft: 0,
    names: {},
    ...rest,
    report: { errors: [], unhandled: [], leaked: [], violations: [], events: [], ...report },
  };
}

const differences = (kind: RunKind, input: Observation, output: Observation, inputNormal = input, scenario = {}) =>
  runDifferences({ kind, input, output, inputNormal, scenario });

const threw = (name: string, message: string) => [{ call: 'createOrder', threw: { $error: name, message } }];
const injected = { kind: 'injected', name: 'Error', message: COMMIT_ERROR, op: 'commitTransaction' };
const masking = { kind: 'session', name: 'MongoTransactionError', message: MASKED_COMMIT, op: 'abortTransaction' };
const retry = { kind: 'transaction-retry' };

describe('runDifferences', () => {
  it('accepts an output that does what the input did', () => {
    expect(differences(NORMAL, run(), run())).toEqual([]);
  });

  it('accepts an output that leaks fewer sessions and raises fewer session errors', () => {
    const input = run({ report: { leaked: ['mongoose.startSession'], errors: [{ kind: 'session', name: 'MongoExpiredSessionError', message: 'Cannot use a session that has ended' }] } });
    expect(differences(NORMAL, input, run())).toEqual([]);
  });

  it('rejects a different result, response, log, effect or data', () => {
    const base = run();
    expect(differences(FAILURE, base, run({ calls: threw('MongoTransactionError', 'Cannot call abortTransaction twice') }))).toHaveLength(1);
    expect(differences(NORMAL, base, run({ calls: [{ call: 'createOrder', returned: { $undefined: true }, sent: [[['status', 500]]] }] }))).toHaveLength(1);
    expect(differences(NORMAL, base, run({ logs: [['log', 'Session created']] }))).toHaveLength(1);
    expect(differences(NORMAL, base, run({ effects: [['mail', 'ann@x.test']] }))).toHaveLength(1);
    expect(differences(NORMAL, base, run({ data: {} }))[0]).toMatch(/^data differ/);
  });

  it('rejects an error, a leak, a violation, an event or an unhandled rejection the input did not have', () => {
    const base = run();
    expect(differences(NORMAL, base, run({ report: { errors: [masking] } }))[0]).toMatch(/^errors the input did not have/);
    expect(differences(NORMAL, base, run({ report: { leaked: ['conn.startSession'] } }))[0]).toMatch(/^leaked sessions: 1/);
    expect(differences(NORMAL, base, run({ report: { violations: [{ kind: 'parallel-ops-in-transaction' }] } }))).toHaveLength(1);
    expect(differences(NORMAL, base, run({ report: { events: [{ kind: 'write-outside-transaction', op: 'Order.save' }] } }))).toHaveLength(1);
    expect(differences(NORMAL, base, run({ report: { unhandled: [{ type: 'unhandledRejection', message: 'x' }] } }))).toHaveLength(1);
  });

  it('requires the output to show the error the input hid behind a second abort', () => {
    const input = run({ calls: threw('MongoTransactionError', MASKED_COMMIT), data: {}, report: { errors: [injected, masking] } });
    const thrown = run({ calls: threw('MongoServerError', COMMIT_ERROR), data: {}, report: { errors: [injected] } });
    expect(differences(COMMIT_FAILS, input, thrown)).toEqual([]);
    const answered = run({ calls: [{ call: 'createOrder', returned: { $recorder: 'res' }, sent: [[['status', 400], ['json', { error: COMMIT_ERROR }]]] }], data: {}, report: { errors: [injected] } });
    expect(differences(COMMIT_FAILS, input, answered)).toEqual([]);
    const stillMasked = run({ ...input, report: { errors: [injected, masking] } });
    expect(differences(COMMIT_FAILS, input, stillMasked)[0]).toMatch(/still hides the failed commit/);
    const swallowed = run({ calls: [{ call: 'createOrder', returned: null }], data: {}, report: { errors: [injected] } });
    expect(differences(COMMIT_FAILS, input, swallowed)[0]).toMatch(/must show the commit's own error/);
    const committedAnyway = run({ ...thrown, data: { orders: [{ _id: { $oid: '65f000000000000000000001' }, quantity: 2 }] } });
    expect(differences(COMMIT_FAILS, input, committedAnyway)[0]).toMatch(/^data differ/);
  });

  it('requires the business error where the input aborted twice', () => {
    const twice = { kind: 'session', name: 'MongoTransactionError', message: 'Cannot call abortTransaction twice', op: 'abortTransaction' };
    const input = run({ calls: threw('MongoTransactionError', twice.message), data: {}, report: { errors: [twice] } });
    expect(differences(FAILURE, input, run({ calls: threw('Error', 'Insufficient balance'), data: {} }))).toEqual([]);
    expect(differences(FAILURE, input, run({ calls: [{ call: 'createOrder', returned: null }], data: {} }))[0]).toMatch(/shows no error at all/);
  });

  it('accepts a retried commit that is invisible: the output does what the input does when nothing fails', () => {
    const normal = run({ logs: [['log', 'start'], ['log', 'reserved'], ['log', 'done']] });
    const failed = run({ calls: threw('MongoTransactionError', MASKED_COMMIT), data: {}, report: { errors: [injected, masking] } });
    const retried = run({
      logs: [['log', 'start'], ['log', 'reserved'], ['log', 'reserved'], ['log', 'done']],
      data: { orders: [{ _id: { $oid: '65f000000000000000000002' }, quantity: 2 }] },
      report: { errors: [injected], events: [retry] },
    });
    expect(differences(COMMIT_FAILS, failed, retried, normal)).toEqual([]);
    expect(differences(TRANSIENT, normal, retried, normal)).toEqual([]);
  });

  it('rejects a retry that repeats an effect or does not reproduce the normal run', () => {
    const normal = run({ effects: [['mail', 'ann@x.test']] });
    const twice = run({ effects: [['mail', 'ann@x.test'], ['mail', 'ann@x.test']], report: { errors: [injected], events: [retry] } });
    expect(differences(TRANSIENT, normal, twice, normal)[0]).toMatch(/^effects differ/);
    const lost = run({ effects: [['mail', 'ann@x.test']], data: {}, report: { errors: [injected], events: [retry] } });
    expect(differences(TRANSIENT, normal, lost, normal)[0]).toMatch(/^data differ/);
    expect(differences(NORMAL, normal, run({ effects: [['mail', 'ann@x.test']], report: { events: [retry] } }))).toHaveLength(1);
  });

  it('excuses a declared difference only where it occurs and the input shows the bug', () => {
    const buggy = run({ data: {}, report: { violations: [{ kind: 'commit-while-op-in-flight' }] } });
    const scenario = { differences: { normal: { data: 'the unawaited write raced the commit' } } };
    expect(differences(NORMAL, buggy, run(), buggy, scenario)).toEqual([]);
    expect(differences(NORMAL, run({ data: {} }), run(), run({ data: {} }), scenario)[0]).toMatch(/shows no bug/);
    expect(differences(NORMAL, run(), run(), run(), scenario)[0]).toMatch(/does not occur/);
    const drawn = { differences: { 'transient-commit': { calls: 'the reference is built from an id the retry draws again' } } };
    const retriedWithNewReference = run({ calls: [{ call: 'credit', returned: 'LED-00000003' }], report: { errors: [injected], events: [retry] } });
    const normal = run({ calls: [{ call: 'credit', returned: 'LED-00000001' }] });
    expect(differences(TRANSIENT, normal, retriedWithNewReference, normal, drawn)).toEqual([]);
    expect(differences(NORMAL, run(), run(), run(), { differences: { normal: { report: 'x' } } })[0]).toMatch(/only calls, logs, effects, data/);
  });

  it('takes a silent abort by endSession() as the input\'s bug, and no difference in the output', () => {
    const silent = run({ data: {}, report: { events: [{ kind: 'end-aborts-transaction' }] } });
    const scenario = { differences: { normal: { data: 'the session was ended inside the callback' } } };
    expect(differences(NORMAL, silent, run(), silent, scenario)).toEqual([]);
    expect(differences(NORMAL, run(), run({ report: { events: [{ kind: 'end-aborts-transaction' }] } }))).toEqual([]);
  });

  it('rejects a commit-failure run where nothing committed, unless the scenario says the normal path aborts', () => {
    const unused = run({ commitFailuresLeft: 1 });
    expect(differences(COMMIT_FAILS, unused, unused)[0]).toMatch(/never used/);
    expect(differences(COMMIT_FAILS, unused, run())).toEqual([]);
    expect(differences(COMMIT_FAILS, unused, unused, unused, { noCommit: 'aborts on purpose' })).toEqual([]);
    expect(differences(COMMIT_FAILS, run(), run(), run(), { noCommit: 'aborts on purpose' })[0]).toMatch(/but the normal path commits/);
  });
});

describe('normalize', () => {
  it('names generated ids by first appearance and scenario ids by their name', () => {
    const pen = 'a5d0b5f4a3c2b1e0f9d8c7b6';
    const observed = normalize(
      run({
        calls: [{ call: 'pay', returned: { order: { $oid: '65f000000000000000000007' }, receipt: 'r-65f000000000000000000007' } }],
        data: { products: [{ _id: { $oid: pen }, ref: '00000000-0000-4000-8000-000000000002' }] },
        names: { [pen]: 'pen' },
      }),
    );
    expect(observed.calls).toEqual([{ call: 'pay', returned: { order: '#oid1', receipt: 'r-#oid1' } }]);
    expect(observed.data).toEqual({ products: [{ _id: '#pen', ref: '#uuid1' }] });
  });
});

describe('committed data', () => {
  it('is a set per collection: the order of insertion does not count, the contents do', () => {
    const doc = (hex: string, message: string) => ({ _id: { $oid: hex }, message });
    const first = run({ data: { logs: [doc('65f000000000000000000002', 'b'), doc('65f000000000000000000001', 'a')] } });
    const second = run({ data: { logs: [doc('65f000000000000000000001', 'a'), doc('65f000000000000000000002', 'b')] } });
    expect(differences(NORMAL, first, second)).toEqual([]);
    expect(differences(NORMAL, first, run({ data: { logs: [doc('65f000000000000000000001', 'a'), doc('65f000000000000000000002', 'c')] } }))).toHaveLength(1);
  });
});

describe('isRepeatOf', () => {
  it('accepts the reference with one stretch repeated in place, nothing else', () => {
    expect(isRepeatOf(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(true);
    expect(isRepeatOf(['a', 'b', 'c', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'])).toBe(true);
    expect(isRepeatOf(['a', 'b', 'd', 'b'], ['a', 'b', 'd'])).toBe(false);
    expect(isRepeatOf(['a', 'c'], ['a', 'b', 'c'])).toBe(false);
    expect(isRepeatOf([['info', 'transfer #uuid2'], ['info', 'transfer #uuid1']], [['info', 'transfer #uuid1']])).toBe(true);
    expect(isRepeatOf([['info', 'transfer #uuid2'], ['warn', 'transfer #uuid1']], [['info', 'transfer #uuid1']])).toBe(false);
  });
});
