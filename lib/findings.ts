import { ruleFor, RULES, type RuleName } from './rules';
import type { TransformName } from './transform-names';
import type { Finding, FindingReason } from './types';

/**
 * One finding per site. Where several transforms (or one, twice) report the same line of a file
 * (a session the conversion leaves alone and hoist-end-session cannot end either, one at the
 * statement and one at its call), a reviewer reads one finding that gives every reason: it belongs
 * to the most severe of their kinds (an error before advice; the earlier one on a tie), stands at
 * the first column, and its reason says them all, its own first. Findings keep their order.
 */
export function oneFindingPerSite(findings: readonly Finding[]): Finding[] {
  const sites = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.file}\0${finding.line}`;
    sites.set(key, [...(sites.get(key) ?? []), finding]);
  }
  return [...sites.values()].map((site) => (site.length === 1 ? site[0]! : merged(site)));
}

/** Each reason a finding gives, with the transform and rule that gave it. */
export function reasonsOf(finding: Finding): FindingReason[] {
  return finding.reasons ?? [{ transform: finding.transform, reason: finding.reason, ...(finding.rule ? { rule: finding.rule } : {}) }];
}

/** The transforms that gave a finding's reasons, each once. */
export function transformsOf(finding: Finding): TransformName[] {
  return [...new Set(reasonsOf(finding).map((r) => r.transform))];
}

function merged(site: Finding[]): Finding {
  const all = site.flatMap(reasonsOf);
  const reasons = all.filter((r, i) => all.findIndex((o) => o.transform === r.transform && o.reason === r.reason) === i);
  const primary = mostSevere(reasons.map((r) => ruleFor(r.transform, r.rule).name));
  const ordered = [reasons[primary]!, ...reasons.filter((_, i) => i !== primary)];
  const first = ordered[0]!;
  const base = { transform: first.transform, file: site[0]!.file, line: site[0]!.line, column: Math.min(...site.map((f) => f.column)), reason: combinedReason(ordered.map((r) => r.reason)) };
  return { ...base, ...(first.rule ? { rule: first.rule } : {}), ...(ordered.length > 1 ? { reasons: ordered } : {}) };
}

/** The index of the first of the most severe rules: an error before a warning. */
export function mostSevere(rules: readonly RuleName[]): number {
  const errorAt = rules.findIndex((rule) => RULES[rule].severity === 'error');
  return errorAt === -1 ? 0 : errorAt;
}

/**
 * Several reasons for one place as one sentence: `A, and B: why` when they give the same cause
 * after what each did (`no finally was added to end this session`, `hand-managed transaction left
 * as is`), else each whole, `A; and B`.
 */
export function combinedReason(reasons: readonly string[]): string {
  const unique = [...new Set(reasons)];
  const split = unique.map((reason) => {
    const at = reason.indexOf(': ');
    return at === -1 ? undefined : { what: reason.slice(0, at), why: reason.slice(at + 2) };
  });
  const why = split[0]?.why;
  if (unique.length > 1 && split.every((part) => part !== undefined && part.why === why)) {
    return `${split.map((part) => part!.what).join(', and ')}: ${why}`;
  }
  return unique.join('; and ');
}
