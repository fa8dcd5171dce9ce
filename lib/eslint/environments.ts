import * as fs from 'node:fs';
import * as path from 'node:path';
import { RunEnvironment, type EnvironmentOptions } from '../runner/environment';

/** How long the facts of one lint run are trusted: a run over a project reuses them, an editor gets fresh ones. */
const LIFETIME_MS = 10_000;

/**
 * The project facts the codemod computes once per run (Mongoose version, AsyncLocalStorage mode,
 * the text index, the callers of helpers), shared by the files ESLint lints, one environment per
 * package (its type and reference programs are set up for one package). ESLint has no hook for
 * the start or end of a run, so an environment lives for a few seconds: long enough for a
 * command-line run to reuse it from file to file, short enough that an editor sees edits made to
 * other files (a package.json, a caller) soon after.
 */
export class EnvironmentPool {
  private readonly entries = new Map<string, { env: RunEnvironment; created: number }>();

  constructor(private readonly lifetimeMs = LIFETIME_MS) {}

  /** The environment for `file`'s package. */
  get(file: string, options: EnvironmentOptions, now = Date.now()): RunEnvironment {
    const key = `${String(options.als)}\0${packageRootOf(file)}`;
    const entry = this.entries.get(key);
    if (entry && now - entry.created < this.lifetimeMs) return entry.env;
    for (const [old, { created }] of this.entries) if (now - created >= this.lifetimeMs) this.entries.delete(old);
    const env = new RunEnvironment(options);
    this.entries.set(key, { env, created: now });
    return env;
  }
}

function packageRootOf(file: string): string {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(path.resolve(file));
  }
}
