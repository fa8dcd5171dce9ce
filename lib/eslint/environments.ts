import { RunEnvironment, type EnvironmentOptions } from '../environment';

/** How long the facts of one lint run are trusted: a run over a project reuses them, an editor gets fresh ones. */
const LIFETIME_MS = 10_000;

/**
 * The project facts the codemod computes once per run (Mongoose version, AsyncLocalStorage mode,
 * the text index, the callers of helpers), shared by the files ESLint lints. ESLint has no hook
 * for the start or end of a run, so an environment lives for a few seconds: long enough for a
 * command-line run to reuse it from file to file, short enough that an editor sees edits made to
 * other files (a package.json, a caller) soon after.
 */
export class EnvironmentPool {
  private readonly entries = new Map<string, { env: RunEnvironment; created: number }>();

  constructor(private readonly lifetimeMs = LIFETIME_MS) {}

  get(options: EnvironmentOptions, now = Date.now()): RunEnvironment {
    const key = String(options.als);
    const entry = this.entries.get(key);
    if (entry && now - entry.created < this.lifetimeMs) return entry.env;
    const env = new RunEnvironment(options);
    this.entries.set(key, { env, created: now });
    return env;
  }
}
