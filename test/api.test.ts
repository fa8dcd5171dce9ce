import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, TRANSFORMS } from '../lib';
import { LEAKY_FIXED, LEAKY_SOURCE, read, tempProject } from './harness/cli';

describe('programmatic API', () => {
  it('returns the typed result the CLI prints', async () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE });
    const seen: string[] = [];
    const result = await run({ paths: ['.'], cwd: dir, dry: true, onFile: (f, p) => seen.push(`${f.file} ${p.done}/${p.total}`) });
    expect(result.counts).toEqual({ changed: 1, unchanged: 0, skipped: 0, failed: 0, findings: 0 });
    expect(result.files[0]!.diff).toContain('+    await session.endSession();');
    expect(result.transforms).toContain('hoist-end-session');
    expect(seen).toEqual(['a.ts 1/1']);
    expect(read(dir, 'a.ts')).toBe(LEAKY_SOURCE);
  });
});

describe('the published package', () => {
  it('ships the CLI (with its shebang), the API and every transform as built files', () => {
    const root = path.join(__dirname, '..');
    const npm = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    const files: string[] = JSON.parse(npm.stdout)[0].files.map((f: { path: string }) => f.path);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(files).toContain(pkg.bin['tx-codemod'].replace(/^\.\//, ''));
    expect(files).toContain(pkg.main);
    for (const t of TRANSFORMS) expect(files).toContain(`dist/transforms/${t.name}.js`);
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('__testfixtures__/'))).toBe(false);
    expect(fs.readFileSync(path.join(root, pkg.bin['tx-codemod']), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});

describe('jscodeshift compatibility', () => {
  it('runs a built transform with `jscodeshift -t`, choosing the parser from the extension', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE });
    const jscodeshift = path.join(__dirname, '..', 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
    const transform = path.join(__dirname, '..', 'dist', 'transforms', 'hoist-end-session.js');
    const result = spawnSync(process.execPath, [jscodeshift, '-t', transform, '--extensions=ts', '--parser=babel', dir], { encoding: 'utf8' });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8')).toBe(LEAKY_FIXED);
  });
});
