import { describe, expect, it } from 'vitest';
import { reasonsOf } from '../lib/findings';
import { FINDING_KINDS, findingKind } from '../lib/report/finding-kinds';
import { discoverCases, runCaseOn } from './harness/fixtures';

/**
 * The report counts findings by kind: every reason the transforms give on the fixtures must
 * belong to a kind, so a new reason without one fails here instead of landing in "Other".
 */
describe('finding kinds', () => {
  it('have distinct keys', () => {
    const keys = FINDING_KINDS.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('cover the reason of every finding the fixtures produce', () => {
    const unknown: string[] = [];
    for (const fixture of discoverCases()) {
      for (const run of runCaseOn(fixture, fixture.kind === 'file' ? fixture.input : fixture.inputDir)) {
        for (const { reason } of run.result.findings.flatMap(reasonsOf)) {
          if (findingKind(reason).key === 'other') unknown.push(`${fixture.group}/${fixture.name}: ${reason}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('group reasons that differ only in the lines and code they name', () => {
    const a = 'hand-managed transaction left as is: the transaction body has an effect outside the database (`res.json(x)` at line 12)';
    const b = 'the transaction body writes without the session (`Audit.create([entry])` at line 40), which no abort undoes';
    expect(findingKind(a).key).toBe('retry-hazard');
    expect(findingKind(b).key).toBe('retry-hazard');
    expect(findingKind('hand-managed transaction left as is: the transaction body runs the callback of runInTransaction() (`fn(session)` at line 15), and the callback passed to runInTransaction() at line 34 has an effect outside the database').key).toBe('wrapper-callbacks');
    expect(findingKind('hand-managed transaction left as is: the transaction body runs the callback of execute() (`cb(session)` at line 9), and no caller of execute() was found in the project').key).toBe('wrapper-callbacks');
    expect(findingKind('the transaction is committed at lines 13, 20 and 25, each on a path of its own').key).toBe('control-flow');
    expect(findingKind('Order.updateOne(q, u, { session }, done) passes `done` where Mongoose 5/6 take a Node-style callback').key).toBe('node-callback');
    expect(findingKind('hand-managed transaction left as is: this package is Mongoose itself: its tests and documentation examples exercise the session API they call (startTransaction(), commitTransaction(), withTransaction()), which transaction() would replace').key).toBe('mongoose-itself');
    expect(findingKind("hand-managed transaction left as is: the spec ../tests/a.test.ts:29 replaces startSession() with a stand-in (`jest.spyOn(mongoose, 'startSession')`); transaction() would start a session of its own").key).toBe('pinned-by-spec');
    expect(findingKind('the abort was not guarded: the spec ../tests/a.test.ts:8 gives this code a stand-in session without inTransaction()').key).toBe('pinned-by-spec');
    expect(findingKind('the session is ended while it is still in use: the finally ends the session as soon as the function returns `session.withTransaction(work)` (line 7), a promise it does not await that goes on using the session').key).toBe('session-escapes');
    expect(findingKind('order.save() runs outside the transaction: DBService.transaction() (../db/db.service.ts) calls this callback without the session, so there is no session here to add').key).toBe('sessionless-wrapper');
    expect(findingKind('hand-managed transaction left as is: the transaction body calls its callback without the session (`fn()` at line 19), so nothing the callback writes is in the transaction').key).toBe('sessionless-wrapper');
    expect(findingKind('the project must work with Mongoose 6.0.14, the lowest version the peerDependencies range ">=6.0.14" of package.json allows').key).toBe('mongoose-version');
  });
});
