import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import { bundleReason, tooLargeReason, type SkippedFile } from './skip-rules';

export type ReadOutcome = { ok: true; raw: string } | { ok: false; skipped: SkippedFile };

export interface ReadLimits {
  maxFileBytes: number;
  /** Files named on the command line: read whatever their size or shape. */
  named: ReadonlySet<string>;
}

/**
 * Reads a source file as text, or says in one line why not: over the size limit (checked before
 * reading), unreadable, a symlink loop, binary, not UTF-8, or a bundle (a very long line).
 */
export function readSource(file: string, limits: ReadLimits): ReadOutcome {
  const skip = (kind: SkippedFile['kind'], reason: string): ReadOutcome => ({ ok: false, skipped: { file, kind, reason } });
  const named = limits.named.has(file);
  let bytes: Buffer;
  try {
    const read = readWithin(file, named ? Number.POSITIVE_INFINITY : limits.maxFileBytes);
    if (typeof read === 'number') return skip('too-large', tooLargeReason(read, limits.maxFileBytes)!);
    bytes = read;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return skip('symlink-loop', 'a symbolic link that points back at itself (a loop)');
    if (code === 'ENOENT') return skip('unreadable', 'cannot read the file: it does not exist (a broken symbolic link, or removed during the run)');
    return skip('unreadable', `cannot read the file: ${(error as Error).message}`);
  }
  if (bytes.subarray(0, 8000).includes(0)) return skip('binary', 'a binary file, not source text');
  if (!isUtf8(bytes)) return skip('not-utf8', 'not UTF-8 text: it is left as it is, since rewriting it could change its bytes');
  const raw = bytes.toString('utf8');
  const bundle = named ? undefined : bundleReason(raw);
  if (bundle) return skip('bundle', bundle);
  return { ok: true, raw };
}

/**
 * The file's bytes, or its size when that is over `maxBytes` (then nothing is read). One open
 * file at a time, and its size is taken from the open file, not looked up by path again.
 */
function readWithin(file: string, maxBytes: number): Buffer | number {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size > maxBytes) return size;
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
