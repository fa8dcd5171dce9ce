import { RuleTester, type Linter } from 'eslint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { FIXTURES_ROOT } from './fixtures';
import { tempRoot, writeFiles } from './lint';

RuleTester.describe = describe;
RuleTester.it = it;

type Flavour = 'js' | 'ts' | 'typed';

/**
 * A temporary project for RuleTester cases: a package.json naming the Mongoose version, the
 * fixtures' tsconfig.json and this repository's node_modules. Every case is written to a file of
 * its own, so that typescript-eslint's program (built from the tsconfig) holds it and the rules
 * see a real package around it.
 */
export class RuleProject {
  readonly root: string;
  private count = 0;

  constructor(mongoose: string, files: Record<string, string> = {}) {
    this.root = tempRoot('tx-codemod-rules-');
    fs.copyFileSync(path.join(FIXTURES_ROOT, 'tsconfig.json'), path.join(this.root, 'tsconfig.json'));
    writeFiles(this.root, { 'package.json': `${JSON.stringify({ private: true, dependencies: { mongoose } })}\n`, ...files });
  }

  /**
   * A test case: `js` is parsed by ESLint's default parser, `ts` by typescript-eslint without type
   * information, `typed` by typescript-eslint with the project's types.
   */
  case<T extends object>(
    flavour: Flavour,
    name: string,
    code: string,
    rest: T = {} as T,
  ): T & { name: string; code: string; filename: string; languageOptions?: Linter.LanguageOptions } {
    const filename = path.join(this.root, `case-${++this.count}.${flavour === 'js' ? 'js' : 'ts'}`);
    fs.writeFileSync(filename, code);
    return { name: `[${flavour}] ${name}`, code, filename, ...(flavour === 'js' ? {} : { languageOptions: this.language(flavour) }), ...rest };
  }

  /** The same code as a case of each flavour (plain JavaScript parses as TypeScript too). */
  cases<T extends object>(flavours: Flavour[], name: string, code: string, rest?: T) {
    return flavours.map((flavour) => this.case(flavour, name, code, rest));
  }

  private language(flavour: 'ts' | 'typed'): Linter.LanguageOptions {
    return flavour === 'ts'
      ? { parser: tseslint.parser }
      : { parser: tseslint.parser, parserOptions: { project: true, tsconfigRootDir: this.root } };
  }
}

export const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
