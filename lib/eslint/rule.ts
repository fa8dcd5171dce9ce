import type { Rule, SourceCode } from 'eslint';
import type { RuleInfo, RuleName } from '../rules';
import type { EnvironmentPool } from './environments';
import { lintFile, lintSettings } from './file-lint';
import { LintText } from './lint-text';
import type { ReportFix, StageReport } from './stage-reports';
import { typedServices, type EstreeNode } from './type-facts';

/** The rules switched on for one linted text, and the problems the one pipeline run found there. */
interface FileState {
  rules: Set<RuleName>;
  text?: LintText;
  reports?: StageReport[];
}

/**
 * Makes the ESLint rules for the catalog. They share one pipeline run per linted text: ESLint
 * creates every rule of a file before it visits the first node, so by then the file's state knows
 * which rules are on, and the first rule to visit the program runs the transforms those rules need.
 */
export function createRules(rules: readonly RuleInfo[], environments: EnvironmentPool): Record<RuleName, Rule.RuleModule> {
  const files = new WeakMap<SourceCode, FileState>();
  const stateOf = (sourceCode: SourceCode) => {
    let state = files.get(sourceCode);
    if (!state) files.set(sourceCode, (state = { rules: new Set() }));
    return state;
  };
  const entries = rules.map((info): [RuleName, Rule.RuleModule] => [
    info.name,
    {
      meta: {
        type: info.severity === 'error' ? 'problem' : 'suggestion',
        docs: { description: info.description, recommended: true },
        fixable: 'code',
        hasSuggestions: true,
        schema: [],
      },
      create(context) {
        const { sourceCode } = context;
        const state = stateOf(sourceCode);
        state.rules.add(info.name);
        return {
          Program() {
            if (!state.reports) {
              state.text = new LintText(sourceCode.text);
              const services = typedServices(sourceCode.parserServices);
              state.reports = lintFile({
                file: context.physicalFilename,
                text: state.text,
                rules: state.rules,
                settings: lintSettings(context.settings),
                typed: services && {
                  file: context.physicalFilename,
                  text: state.text,
                  services,
                  nodeAt: (index) => sourceCode.getNodeByRangeIndex(index) as EstreeNode | null,
                },
                environments,
              });
            }
            for (const report of state.reports) {
              if (report.rule === info.name) context.report(toDescriptor(sourceCode, state.text!, report));
            }
          },
        };
      },
    },
  ]);
  return Object.fromEntries(entries) as Record<RuleName, Rule.RuleModule>;
}

function toDescriptor(sourceCode: SourceCode, text: LintText, report: StageReport): Rule.ReportDescriptor {
  const loc = { start: sourceCode.getLocFromIndex(text.toRaw(report.start)), end: sourceCode.getLocFromIndex(text.toRaw(report.end)) };
  const fix = report.fix && rawFix(text, report.fix);
  if (!fix) return { loc, message: report.message };
  const apply = (fixer: Rule.RuleFixer) => fixer.replaceTextRange(fix.range, fix.text);
  if (report.fix!.review) return { loc, message: report.message, suggest: [{ desc: report.fix!.description, fix: apply }] };
  return { loc, message: report.message, fix: apply };
}

/** The fix's edits as one replacement of the linted text. */
function rawFix(text: LintText, fix: ReportFix): { range: [number, number]; text: string } {
  const source = text.transformed;
  const first = fix.edits[0]!;
  const last = fix.edits[fix.edits.length - 1]!;
  let out = '';
  let cursor = first.start;
  for (const edit of fix.edits) {
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return { range: [text.toRaw(first.start), text.toRaw(last.end)], text: text.rawText(out) };
}
