import { describe, expect, it } from 'vitest';
import { combinedReason, oneFindingPerSite } from '../lib/findings';
import { kindsOf } from '../lib/report/finding-kinds';
import { toMarkdownReport } from '../lib/report/markdown';
import type { Finding, RunResult } from '../lib/types';

const stored = (transform: Finding['transform'], what: string, column = 5): Finding => ({
  transform,
  file: 'src/a.ts',
  line: 6,
  column,
  reason: `${what}: the session is stored on an object or another variable, so it outlives the function`,
});
const retry: Finding = {
  transform: 'manual-to-transaction',
  file: 'src/b.ts',
  line: 28,
  column: 38,
  reason: 'hand-managed transaction left as is: the transaction body has an effect outside the database (`this.mailer.send(email)` at line 35); transaction() may run the body again after a transient error',
};
const thrown: Finding = {
  transform: 'hoist-end-session',
  file: 'src/b.ts',
  line: 28,
  column: 5,
  reason: 'endSession() was not moved into a finally: code between startSession() and the try that ends the session can throw and leak it; move that code into the try',
};

describe('one finding per site', () => {
  it('joins the reasons given for one line of a file, whatever their columns, into one finding at the first column', () => {
    const [site, ...rest] = oneFindingPerSite([retry, thrown]);
    expect(rest).toEqual([]);
    expect(site).toMatchObject({ file: 'src/b.ts', line: 28, column: 5 });
    expect(site!.reasons!.map((r) => r.transform)).toEqual(['hoist-end-session', 'manual-to-transaction']);
  });

  it('puts the most severe reason first (a bug before advice), and on a tie the one given first', () => {
    const [site] = oneFindingPerSite([retry, thrown]);
    expect(site!.transform).toBe('hoist-end-session');
    expect(site!.reason).toBe(`${thrown.reason}; and ${retry.reason}`);
    const [tie] = oneFindingPerSite([stored('hoist-end-session', 'no finally was added to end this session'), { ...stored('hoist-end-session', 'no finally was added to end this session'), reason: 'another reason' }]);
    expect(tie!.reason.startsWith('no finally was added')).toBe(true);
  });

  it('says a cause two transforms share once, after what each did', () => {
    const [site] = oneFindingPerSite([stored('manual-to-transaction', 'hand-managed transaction left as is'), stored('hoist-end-session', 'no finally was added to end this session', 26)]);
    expect(site!.reason).toBe(
      'no finally was added to end this session, and hand-managed transaction left as is: the session is stored on an object or another variable, so it outlives the function',
    );
  });

  it('gives a reason said twice once, and leaves other lines and files alone, in order', () => {
    const twice = stored('hoist-end-session', 'no finally was added to end this session');
    const elsewhere = { ...twice, line: 9 };
    const out = oneFindingPerSite([twice, elsewhere, { ...twice }, retry]);
    expect(out).toEqual([twice, elsewhere, retry]);
  });

  it('joins unrelated reasons whole', () => {
    expect(combinedReason(['a: x', 'b: y', 'a: x'])).toBe('a: x; and b: y');
    expect(combinedReason(['a: x', 'b: x', 'c: x'])).toBe('a, and b, and c: x');
  });
});

describe('the kinds of a finding', () => {
  it('classify each reason on its own, the finding\'s own first', () => {
    const [site] = oneFindingPerSite([retry, thrown]);
    expect(kindsOf(site!).map((k) => k.key)).toEqual(['end-session', 'retry-hazard']);
  });

  it('count a finding under each of its kinds in the Markdown report, which says so', () => {
    const findings = oneFindingPerSite([retry, thrown, stored('hoist-end-session', 'no finally was added to end this session')]);
    const files = ['src/a.ts', 'src/b.ts'].map((file) => ({ file, status: 'unchanged' as const, changes: [], findings: findings.filter((f) => f.file === file), durationMs: 1 }));
    const result: RunResult = { cwd: '/p', transforms: ['manual-to-transaction', 'hoist-end-session'], dry: true, files, counts: { changed: 0, unchanged: 2, skipped: 0, failed: 0, findings: 2 }, notes: [], elapsedMs: 1 };
    const md = toMarkdownReport(result);
    expect(md).toMatch(/\| endSession\(\) left where it is \| 1 \| 1 \|/);
    expect(md).toMatch(/\| Body not safe to run twice \| 1 \| 1 \|/);
    expect(md).toMatch(/\| Session outlives the function \| 1 \| 1 \|/);
    expect(md).toContain('1 finding gives reasons of several kinds and is counted under each.');
    expect(md).toContain('| 28 | **finding**: endSession() left where it is; Body not safe to run twice | `hoist-end-session`, `manual-to-transaction` |');
  });
});
