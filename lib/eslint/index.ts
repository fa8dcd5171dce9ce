import type { ESLint, Linter } from 'eslint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_NAMES, RULES } from '../rules';
import { EnvironmentPool } from './environments';
import { createRules } from './rule';

const rules = createRules(
  RULE_NAMES.map((name) => RULES[name]),
  new EnvironmentPool(),
);

const recommendedRules: Linter.RulesRecord = Object.fromEntries(RULE_NAMES.map((name) => [`tx-codemod/${name}`, RULES[name].severity]));

/**
 * `import txCodemod from 'tx-codemod/eslint'; export default [txCodemod.configs.recommended];`
 * The rules report where `tx-codemod run` would change or report, with its reasons and its edits.
 */
const plugin = {
  meta: { name: 'tx-codemod', version: packageVersion() },
  rules,
  configs: {} as { recommended: Linter.Config },
} satisfies ESLint.Plugin;

plugin.configs.recommended = { name: 'tx-codemod/recommended', plugins: { 'tx-codemod': plugin }, rules: recommendedRules };

export = plugin;

/** The version in this package's package.json (found upward: the built and the source layout differ). */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}
