import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Replaces (or creates) a file atomically: a temporary file in the same folder, with the
 * original's mode, renamed over the target. A symlink keeps pointing at the file it pointed at.
 * A read-only file is not replaced (renaming over it would succeed and silently drop the
 * protection): that is an error naming the file's mode.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const existing = await existingTarget(file);
  if (existing && (existing.mode & 0o222) === 0) {
    throw new Error(`the file is read-only (mode ${existing.mode.toString(8).padStart(4, '0')}); make it writable to let tx-codemod change it`);
  }
  const target = existing?.path ?? path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tx-codemod-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, content);
    if (existing) await fs.chmod(temp, existing.mode);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

async function existingTarget(file: string): Promise<{ path: string; mode: number } | undefined> {
  try {
    const real = await fs.realpath(file);
    return { path: real, mode: (await fs.stat(real)).mode & 0o7777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
