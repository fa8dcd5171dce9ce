import { execFileSync, spawnSync } from 'node:child_process';

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

/** The work tree root holding `dir`, or undefined outside git (or without git installed). */
export function workTreeRoot(dir: string): string | undefined {
  const out = git(dir, ['rev-parse', '--show-toplevel']);
  return out === undefined ? undefined : out.trim();
}

/** Tracked and untracked-but-not-ignored files under `dir`, as paths relative to `dir`. */
export function listGitFiles(dir: string): string[] | undefined {
  const out = git(dir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.']);
  if (out === undefined) return undefined;
  const deleted = new Set((git(dir, ['ls-files', '-z', '--deleted', '--', '.']) ?? '').split('\0'));
  return [...new Set(out.split('\0').filter((file) => file && !deleted.has(file)))];
}

/** Paths with uncommitted changes (including untracked files) under `target`, relative to the work tree. */
export function uncommittedChanges(dir: string, target: string): string[] {
  const out = git(dir, ['status', '--porcelain', '-z', '--untracked-files=all', '--', target]);
  if (out === undefined) return [];
  const entries = out.split('\0').filter(Boolean);
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    paths.push(entry.slice(3));
    // A rename or copy is followed by its source path, which carries no status of its own.
    if (entry[0] === 'R' || entry[0] === 'C') i++;
  }
  return paths;
}

/** Whether git ignores `file` (true or false inside a work tree; undefined outside one, or without git). */
export function isIgnored(dir: string, file: string): boolean | undefined {
  const result = spawnSync('git', ['check-ignore', '-q', '--no-index', file], { cwd: dir, stdio: 'ignore' });
  if (result.status === 0) return true;
  if (result.status === 1) return false;
  return undefined;
}
