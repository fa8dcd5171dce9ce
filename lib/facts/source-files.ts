import * as path from 'node:path';

const SOURCE_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'] as const;

/** JavaScript and TypeScript sources by extension; declaration files are not sources. */
export function isSourceFile(file: string): boolean {
  const lower = file.toLowerCase();
  if (/\.d\.[mc]?ts$/.test(lower)) return false;
  return (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(lower));
}
