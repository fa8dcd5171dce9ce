import { TypeFactsAround, type ThenableFact, type TypeFacts } from './type-facts';

/** Where a run's time goes, for --verbose. */
export type Phase = 'discovery' | 'prefilter' | 'cache' | 'parse' | 'analysis' | 'type facts' | 'caller search' | 'format' | 'write';

export const PHASES: readonly Phase[] = ['discovery', 'prefilter', 'cache', 'parse', 'analysis', 'type facts', 'caller search', 'format', 'write'];

export type PhaseTimes = Partial<Record<Phase, number>>;

/**
 * Adds up milliseconds per phase. Phases nest (a caller search may ask for type facts): each
 * millisecond is counted once, in the innermost phase.
 */
export class Stopwatch {
  private readonly totals: PhaseTimes = {};
  private readonly stack: Array<{ phase: Phase; inner: number }> = [];

  time<T>(phase: Phase, fn: () => T): T {
    const started = performance.now();
    this.stack.push({ phase, inner: 0 });
    try {
      return fn();
    } finally {
      this.stop(started);
    }
  }

  async timeAsync<T>(phase: Phase, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    this.stack.push({ phase, inner: 0 });
    try {
      return await fn();
    } finally {
      this.stop(started);
    }
  }

  add(phase: Phase, ms: number): void {
    this.totals[phase] = (this.totals[phase] ?? 0) + ms;
  }

  addAll(times: PhaseTimes): void {
    for (const [phase, ms] of Object.entries(times) as Array<[Phase, number]>) this.add(phase, ms);
  }

  /** The time spent in each phase since the last call, and a fresh start. */
  take(): PhaseTimes {
    const out = { ...this.totals };
    for (const phase of PHASES) delete this.totals[phase];
    return out;
  }

  private stop(started: number): void {
    const frame = this.stack.pop()!;
    const elapsed = performance.now() - started;
    this.add(frame.phase, elapsed - frame.inner);
    const outer = this.stack[this.stack.length - 1];
    if (outer) outer.inner += elapsed;
  }
}

/** Type facts whose questions are timed. */
export class TimedTypeFacts extends TypeFactsAround {
  constructor(
    inner: TypeFacts,
    private readonly stopwatch: Stopwatch,
  ) {
    super(inner);
  }

  thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined {
    return this.stopwatch.time('type facts', () => this.inner.thenableAt(file, source, start, end));
  }
}
