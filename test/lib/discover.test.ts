import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../lib/runner/discover/discover';
import { PathError } from '../../lib/errors';
import { tempProject } from '../harness/cli';

const rel = (dir: string, files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

describe('discoverFiles outside git', () => {
  it('honours nested .gitignore files with negation, and skips node_modules, dist, build, coverage and .d.ts', () => {
    const dir = tempProject({
      '.gitignore': '*.gen.ts\nlogs/\n',
      'src/a.ts': '',
      'src/b.gen.ts': '',
      'src/keep/.gitignore': '!important.gen.ts\n',
      'src/keep/important.gen.ts': '',
      'src/keep/other.gen.ts': '',
      'logs/x.js': '',
      'node_modules/m/index.js': '',
      'dist/a.js': '',
      'build/a.js': '',
      'coverage/a.js': '',
      'types/a.d.ts': '',
      'web/App.tsx': '',
      'cli.mjs': '',
      'notes.md': '',
    });
    expect(rel(dir, discoverFiles(['.'], dir))).toEqual(['cli.mjs', 'src/a.ts', 'src/keep/important.gen.ts', 'web/App.tsx']);
  });

  it('takes files named directly, and a skipped folder when it is the folder named', () => {
    const dir = tempProject({ 'dist/a.js': '', 'x.cts': '' });
    expect(rel(dir, discoverFiles(['x.cts', 'dist'], dir))).toEqual(['dist/a.js', 'x.cts']);
  });

  it('treats a path that matches nothing as an error, not as zero files', () => {
    const dir = tempProject({ 'docs/readme.md': '' });
    expect(() => discoverFiles(['nope'], dir)).toThrow(PathError);
    expect(() => discoverFiles(['docs'], dir)).toThrow(/docs: no JavaScript or TypeScript source files found/);
  });
});
