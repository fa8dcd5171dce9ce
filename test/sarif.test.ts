import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toSarifReport } from '../lib/report/sarif';
import { RULE_NAMES } from '../lib/rules';
import type { RunResult } from '../lib/types';
import { ESCAPING_SOURCE, HANDED_ON_SOURCE, LEAKY_SOURCE, read, tempProject, tx } from './harness/cli';

/** The official SARIF 2.1.0 schema (test/data/README.md says where it comes from). */
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  const valid = validate(log);
  expect(validate.errors ?? [], 'SARIF schema errors').toEqual([]);
  expect(valid).toBe(true);
}

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  kind?: string;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn?: number } } }>;
}

describe('--report findings.sarif', () => {
  it('writes SARIF 2.1.0 that the official schema accepts: the tool, one rule per kind, findings, and the changes of a dry run', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE, 'b.ts': ESCAPING_SOURCE, 'my dir/c.ts': ESCAPING_SOURCE });
    expect(tx(['run', '.', '--dry', '--report', 'findings.sarif'], dir).status).toBe(0);
    const log = JSON.parse(read(dir, 'findings.sarif'));
    expectValid(log);
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run.tool.driver).toMatchObject({ name: 'tx-codemod', version: pkg.version });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([...RULE_NAMES]);
    expect(run.originalUriBaseIds.SRCROOT.uri).toBe(pathToFileURL(`${fs.realpathSync(dir)}/`).href);

    const results = run.results as SarifResult[];
    const findings = results.filter((r) => r.kind === undefined);
    expect(findings.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region])).toEqual([
      ['end-session-in-finally', 'b.ts', { startLine: 5, startColumn: 22 }],
      ['end-session-in-finally', 'my%20dir/c.ts', { startLine: 5, startColumn: 22 }],
    ]);
    expect(findings[0]!.message.text).toContain('no finally was added to end this session: the session is stored on an object or another variable');
    expect(findings[0]!.level).toBe('error');
    for (const result of results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);

    const changes = results.filter((r) => r.kind !== undefined);
    expect(changes).toEqual([
      expect.objectContaining({
        ruleId: 'end-session-in-finally',
        kind: 'informational',
        level: 'none',
        message: { text: 'tx-codemod would change this: added a finally that ends the session, which was never ended' },
      }),
    ]);
    expect(changes[0]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'a.ts', uriBaseId: 'SRCROOT' }, region: { startLine: 4 } });
  });

  it('gives a site that several transforms report one result, under the most severe rule, with each reason in its properties', () => {
    const dir = tempProject({ 'package.json': JSON.stringify({ dependencies: { mongoose: '^8.5.0' } }), 'a.ts': HANDED_ON_SOURCE });
    tx(['run', '.', '--dry', '--report', 'out.sarif'], dir);
    const log = JSON.parse(read(dir, 'out.sarif'));
    expectValid(log);
    const results = (log.runs[0].results as Array<SarifResult & { properties: { transform: string; reasons?: Array<{ transform: string; reason: string }> } }>).filter((r) => r.kind === undefined);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ruleId: 'end-session-in-finally', level: 'error', properties: { transform: 'hoist-end-session' } });
    expect(results[0]!.message.text).toMatch(/^no finally was added to end this session, and hand-managed transaction left as is: the session is put on the request/);
    expect(results[0]!.properties.reasons!.map((r) => r.transform)).toEqual(['hoist-end-session', 'manual-to-transaction']);
  });

  it('places a finding the last pass makes inside a converted body at its code in the original file', () => {
    const fixture = path.join(__dirname, '..', '__testfixtures__', 'pipeline', 'finding-in-converted-body.input.js');
    const dir = tempProject({ 'src/pay.js': fs.readFileSync(fixture, 'utf8'), 'package.json': '{ "dependencies": { "mongoose": "^8.9.5" } }' });
    expect(tx(['run', '.', '--dry', '--report', 'findings.sarif'], dir).status).toBe(0);
    const log = JSON.parse(read(dir, 'findings.sarif'));
    expectValid(log);
    const findings = (log.runs[0].results as SarifResult[]).filter((r) => r.kind === undefined);
    // `markPaid(orderId)` in `const paid = await markPaid(orderId);`, as `--transform add-missing-session` alone places it.
    expect(findings.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region])).toEqual([['no-session-less-operation', { startLine: 15, startColumn: 24 }]]);
    const alone = tx(['run', '.', '--dry', '--transform', 'add-missing-session'], dir);
    expect(alone.stderr).toContain('src/pay.js:15:24 [add-missing-session]');
  });

  it('lists no changes after a run that wrote them (their lines have moved)', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE, 'b.ts': ESCAPING_SOURCE });
    expect(tx(['run', '.', '--allow-dirty', '--report', 'out.sarif'], dir).status).toBe(0);
    const log = JSON.parse(read(dir, 'out.sarif'));
    expectValid(log);
    expect((log.runs[0].results as SarifResult[]).map((r) => [r.ruleId, r.kind])).toEqual([['end-session-in-finally', undefined]]);
  });

  it('names files that could not be processed, and stays valid', () => {
    const result: RunResult = {
      cwd: '/work/project',
      transforms: ['add-missing-await'],
      dry: true,
      files: [
        { file: 'broken.ts', status: 'failed', reason: 'does not parse: Unexpected token (broken.ts:3:1)', changes: [], findings: [], durationMs: 1 },
        {
          file: '/elsewhere/x.js',
          status: 'unchanged',
          changes: [],
          findings: [{ transform: 'add-missing-await', file: '/elsewhere/x.js', line: 2, column: 3, reason: 'Promise.all() runs session operations in parallel' }],
          durationMs: 1,
        },
      ],
      counts: { changed: 0, unchanged: 1, skipped: 0, failed: 1, findings: 1 },
      notes: [],
      elapsedMs: 2,
    };
    const log = JSON.parse(toSarifReport(result, '1.2.3'));
    expectValid(log);
    const [invocation] = log.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0].message.text).toBe('broken.ts could not be processed: does not parse: Unexpected token (broken.ts:3:1)');
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/x.js' });
  });

  it('is refused, with the formats that are accepted, for another extension', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE });
    const result = tx(['run', '.', '--dry', '--report', 'out.txt'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the report file must end in .json, .md or .sarif');
  });
});

describe('the schema check', () => {
  it('rejects a log that breaks the schema', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});
