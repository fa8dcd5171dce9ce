#!/usr/bin/env node
// One ESLint run for the benchmark (bench.mjs --eslint): lints the files listed in <list> (one
// path a line) with ESLint 9's Node API, JavaScript through its default parser (espree) and
// TypeScript through typescript-eslint's parser (no type information), with either tx-codemod's
// recommended config (`plugin`) or one trivial core rule (`trivial`: no-debugger). Prints one
// line of JSON: files linted, files ESLint could not parse, and the messages of each rule.
//
//   node scripts/lib/eslint-lint.mjs plugin|trivial <list>
import { ESLint } from 'eslint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const [mode, list] = process.argv.slice(2);
if ((mode !== 'plugin' && mode !== 'trivial') || !list) throw new Error('usage: eslint-lint.mjs plugin|trivial <list>');
const files = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const rules = mode === 'plugin' ? require(path.join(root, 'dist', 'lib', 'eslint', 'index.js')).configs.recommended : { rules: { 'no-debugger': 'error' } };
const tsParser = require('@typescript-eslint/parser');
const eslint = new ESLint({
  cwd: commonFolder(files),
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'], linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
    { files: ['**/*.{ts,cts,mts,tsx}'], languageOptions: { parser: tsParser } },
    rules,
  ],
  warnIgnored: false,
});
const results = await eslint.lintFiles(files);
const messages = {};
let unparsed = 0;
for (const result of results) {
  if (result.messages.some((m) => m.fatal)) unparsed++;
  for (const m of result.messages) if (m.ruleId) messages[m.ruleId] = (messages[m.ruleId] ?? 0) + 1;
}
console.log(JSON.stringify({ files: results.length, unparsed, messages }));

/** The deepest folder holding every file: ESLint lints only files below its cwd. */
function commonFolder(paths) {
  let dir = path.dirname(paths[0]);
  while (!paths.every((p) => p.startsWith(dir + path.sep))) dir = path.dirname(dir);
  return dir;
}
