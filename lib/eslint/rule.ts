import type { Rule, SourceCode } from 'eslint';
import type { EstreeProgram } from '../facts/estree/estree';
import type { RuleInfo, RuleName } from '../rules';
import type { Transform } from '../transform';
import type { EnvironmentPool } from './environments';
import { lintFile, lintSettings, transformsToRun } from './file-lint';
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
              const transforms = transformsToRun(context.physicalFilename, state.rules, sourceCode.text);
              state.reports = transforms.length === 0 ? [] : lint(context, state, transforms, environments);
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

/** Runs the transforms over the linted file, from ESLint's own tree where its parser's trees can be read. */
function lint(context: Rule.RuleContext, state: FileState, transforms: readonly Transform[], environments: EnvironmentPool): StageReport[] {
  const { sourceCode } = context;
  const text = (state.text = new LintText(sourceCode.text));
  const services = typedServices(sourceCode.parserServices);
  return lintFile({
    file: context.physicalFilename,
    text,
    rules: state.rules,
    transforms,
    estree: readableTree(context),
    settings: lintSettings(context.settings),
    typed: services && {
      file: context.physicalFilename,
      text,
      services,
      nodeAt: (index) => sourceCode.getNodeByRangeIndex(index) as EstreeNode | null,
    },
    environments,
  });
}

/** Parsers whose ESTree the pipeline reads in Babel's shape; other parsers' trees (Flow, Vue, ...) are left to the codemod's own. */
const READABLE_PARSERS = new Set(['espree', 'typescript-eslint/parser', '@typescript-eslint/parser']);

function readableTree(context: Rule.RuleContext): EstreeProgram | undefined {
  const parser = context.languageOptions.parser as { meta?: { name?: string }; name?: string } | undefined;
  const name = parser?.meta?.name ?? parser?.name;
  const ast = context.sourceCode.ast as unknown as EstreeProgram;
  return name !== undefined && READABLE_PARSERS.has(name) && ast.type === 'Program' ? ast : undefined;
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
