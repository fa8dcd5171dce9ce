import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_NAMES, RULES, ruleFor, type RuleInfo } from '../rules';
import type { Change, Finding, RunResult } from '../types';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The base the result paths are relative to: the run's working directory. */
const SOURCE_ROOT = 'SRCROOT';

/**
 * The findings as SARIF 2.1.0, for code-scanning views (GitHub shows them on the pull request):
 * one rule per kind of problem (the ESLint rules' catalog), each finding a result at its file,
 * line and column. A dry run adds the changes it would make as informational results; after a
 * run that wrote files they would point at lines that have moved, so they are left out.
 */
export function toSarifReport(result: RunResult, toolVersion: string): string {
  const rules = RULE_NAMES.map((name) => RULES[name]);
  const ruleIndex = (rule: RuleInfo) => rules.indexOf(rule);
  const findings = result.files.flatMap((f) => f.findings).map((finding) => findingResult(finding, ruleIndex));
  const changes = result.dry ? result.files.flatMap((f) => f.changes).map((change) => changeResult(change, ruleIndex)) : [];
  const failed = result.files.filter((f) => f.status === 'failed');
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tx-codemod',
            version: toolVersion,
            semanticVersion: toolVersion,
            rules: rules.map((rule) => ({
              id: rule.name,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: levelOf(rule) },
              properties: { transforms: rule.transforms },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: failed.length === 0,
            toolExecutionNotifications: failed.map((f) => ({
              level: 'error',
              message: { text: `${f.file} could not be processed: ${f.reason ?? 'unknown reason'}` },
              locations: [{ physicalLocation: { artifactLocation: artifactOf(f.file) } }],
            })),
          },
        ],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(`${result.cwd}${path.sep}`).href } },
        columnKind: 'utf16CodeUnits',
        results: [...findings, ...changes],
        properties: { dry: result.dry, transforms: result.transforms, notes: result.notes },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function findingResult(finding: Finding, ruleIndex: (rule: RuleInfo) => number) {
  const rule = ruleFor(finding.transform, finding.rule);
  return {
    ruleId: rule.name,
    ruleIndex: ruleIndex(rule),
    level: levelOf(rule),
    message: { text: finding.reason },
    locations: [locationOf(finding.file, { startLine: finding.line, startColumn: finding.column })],
    properties: { transform: finding.transform, ...(finding.reasons ? { reasons: finding.reasons } : {}) },
  };
}

/** A change a dry run would make: informational, so viewers list it without calling it a problem. */
function changeResult(change: Change, ruleIndex: (rule: RuleInfo) => number) {
  const rule = ruleFor(change.transform, change.rule);
  return {
    ruleId: rule.name,
    ruleIndex: ruleIndex(rule),
    kind: 'informational',
    level: 'none',
    message: { text: `tx-codemod would change this: ${change.description}` },
    locations: [locationOf(change.file, { startLine: change.line })],
    properties: { transform: change.transform },
  };
}

function levelOf(rule: RuleInfo): 'error' | 'warning' {
  return rule.severity === 'error' ? 'error' : 'warning';
}

function locationOf(file: string, region: { startLine: number; startColumn?: number }) {
  return { physicalLocation: { artifactLocation: artifactOf(file), region } };
}

/** Paths relative to the working directory stay relative to SRCROOT; others become file URLs. */
function artifactOf(file: string) {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}
