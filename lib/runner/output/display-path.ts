import * as path from 'node:path';

/**
 * How reports and patches name a file: relative to the working directory (with `../` when it is
 * outside it, as `git diff` would), with forward slashes; absolute only on another drive.
 */
export function displayPathOf(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}
