import * as path from 'node:path';

/** Why a file was left out before it was parsed. */
export type SkipKind = 'vendored' | 'too-large' | 'bundle' | 'binary' | 'not-utf8' | 'unreadable' | 'symlink-loop';

export interface SkippedFile {
  file: string;
  kind: SkipKind;
  reason: string;
}

/** Skips that hide generated code: summed up in one note. The others are problems, one line each. */
export const QUIET_SKIPS: ReadonlySet<SkipKind> = new Set(['vendored', 'too-large', 'bundle']);

/** Folders of vendored or generated code, skipped unless the path given on the command line is inside one. */
const VENDORED_DIRS = new Set(['.yarn', 'vendor', '.pnp']);
/** Yarn Plug'n'Play loaders, minified files and bundles, by name. */
const VENDORED_NAME = /^\.pnp\.(c|m)?js$|^\.pnp\.loader\.mjs$|[.-]min\.(c|m)?js$|\.bundle\.(c|m)?js$/i;

/** Default for --max-file-size: larger files are generated data or bundles, not hand-written code. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** A line this long is minified or bundled code. */
const MAX_LINE_LENGTH = 5000;

/** Vendored or minified by its path below the folder the user named (`rel`, relative to that folder). */
export function vendoredReason(rel: string): string | undefined {
  const segments = rel.split(/[\\/]/);
  const dir = segments.slice(0, -1).find((s) => VENDORED_DIRS.has(s));
  if (dir) return `vendored code (${dir}/)`;
  if (VENDORED_NAME.test(segments[segments.length - 1]!)) return 'minified or bundled (by its name)';
  return undefined;
}

export function tooLargeReason(bytes: number, limit: number): string | undefined {
  return bytes > limit ? `${formatBytes(bytes)}, over the ${formatBytes(limit)} limit (--max-file-size)` : undefined;
}

/** A line longer than MAX_LINE_LENGTH: a bundle or minified file, whatever its name. */
export function bundleReason(text: string): string | undefined {
  if (text.length <= MAX_LINE_LENGTH) return undefined;
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > MAX_LINE_LENGTH) return `a line of ${stop - start} characters: minified or bundled code`;
    start = stop + 1;
  }
  return undefined;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** `--max-file-size` values: bytes, or with a k/kb/m/mb suffix. */
export function parseSize(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|b)?$/i.exec(value.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Math.round(Number(match[1]) * factor);
}

/** The note that sums up the quiet skips and says how to include them. */
export function skippedNote(skipped: readonly SkippedFile[]): string | undefined {
  const quiet = skipped.filter((s) => QUIET_SKIPS.has(s.kind));
  if (quiet.length === 0) return undefined;
  const count = (kind: SkipKind) => quiet.filter((s) => s.kind === kind).length;
  const parts = [
    count('vendored') && `${count('vendored')} vendored or minified by path (.yarn/, vendor/, *.min.js)`,
    count('bundle') && `${count('bundle')} with lines over ${MAX_LINE_LENGTH} characters (bundles)`,
    count('too-large') && `${count('too-large')} over the size limit (--max-file-size)`,
  ].filter(Boolean);
  const example = path.basename(quiet[0]!.file);
  return (
    `Skipped ${quiet.length} generated or vendored file${quiet.length === 1 ? '' : 's'}: ${parts.join(', ')}; ` +
    `name a file on the command line to include it (e.g. ${example}), or raise --max-file-size; --verbose lists them`
  );
}
