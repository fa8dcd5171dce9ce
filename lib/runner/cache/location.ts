import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isIgnored } from '../discover/git';

/**
 * Where results are kept: `node_modules/.cache/tx-codemod` in the nearest folder at or above
 * `cwd` that has a node_modules folder (as ESLint, Babel and others keep theirs). None when there
 * is no node_modules, or when git would see the cache (a folder it does not ignore): a run must
 * never leave the work tree with changes of its own.
 */
export function cacheFolder(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const modules = path.join(dir, 'node_modules');
    if (isDirectory(modules)) {
      const folder = path.join(modules, '.cache', 'tx-codemod');
      return isIgnored(dir, folder) === false ? undefined : folder;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * A hash of the tool's own code (every module of lib/ and transforms/ beside this one, compiled
 * or not) and of `options`: a result cached by another version or build, or under other options,
 * is never used.
 */
export function runKey(options: unknown): string {
  const root = path.resolve(__dirname, '..', '..', '..');
  const hash = createHash('sha1');
  for (const folder of ['lib', 'transforms']) {
    for (const file of modulesUnder(path.join(root, folder))) hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.update(JSON.stringify(options)).digest('hex');
}

function modulesUnder(dir: string): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...modulesUnder(full));
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
