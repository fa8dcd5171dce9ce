import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_RULES, eslintWith, REPO_ROOT, tempRoot, typedLanguage, writeFiles } from './harness/lint';

/**
 * Under CI=true (typescript-eslint's "single run"), a file parsed a second time in one process (a
 * fix cycle, a second lint) gets a program of that file alone, where everything it imports is
 * `any`. The rules then ask the codemod's own programs, so the second lint says what the first did.
 */
const TYPED_JS = path.join(REPO_ROOT, '__testfixtures__', 'add-missing-await', 'typed-js', 'output');

let saved: string | undefined;
beforeAll(() => {
  saved = process.env.TSESTREE_SINGLE_RUN;
  process.env.TSESTREE_SINGLE_RUN = 'true';
});
afterAll(() => {
  if (saved === undefined) delete process.env.TSESTREE_SINGLE_RUN;
  else process.env.TSESTREE_SINGLE_RUN = saved;
});

describe('the rules with type information in a single run', () => {
  it('give the same reports when a file is linted again', async () => {
    const root = tempRoot('tx-codemod-single-run-');
    writeFiles(root, {
      'package.json': '{ "dependencies": { "mongoose": "^8.4.0" } }\n',
      'tsconfig.json': fs.readFileSync(path.join(REPO_ROOT, '__testfixtures__', 'tsconfig.json'), 'utf8'),
      'billing.js': fs.readFileSync(path.join(TYPED_JS, 'billing.js'), 'utf8'),
      'repository.js': fs.readFileSync(path.join(TYPED_JS, 'repository.js'), 'utf8'),
    });
    const eslint = eslintWith(root, [typedLanguage(root), { rules: ALL_RULES }]);
    const file = path.join(root, 'billing.js');
    const messages = async () => (await eslint.lintFiles([file]))[0]!.messages.map((m) => `${m.line}: ${m.message}`);
    // markPaid() is awaited, and the types say describe() returns a string: nothing to report, twice.
    expect(await messages()).toEqual([]);
    expect(await messages()).toEqual([]);
  }, 120_000);
});
