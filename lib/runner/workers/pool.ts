import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileOutcome } from './file-task';
import type { FileReply, FileTask, WorkerSetup } from './protocol';

export interface PoolLimits {
  /** Worker threads at most. */
  threads: number;
  /** A file that takes longer is abandoned, and its worker replaced. */
  fileTimeoutMs: number;
  /** Heap limit of each worker: a file that needs more is abandoned, and its worker replaced. */
  memoryMb: number;
}

/** What the pool says about a file it could not get an answer for. */
export type PoolFailure = { id: number; outcome: FileOutcome; facts: undefined };

/** A worker thread and whether it has loaded its modules (a file's time budget starts only then). */
class Thread {
  readonly worker: Worker;
  loaded = false;
  /** Set when the thread failed or stopped before anyone was listening. */
  dead = false;
  onLoaded: (() => void) | undefined;
  onReply: ((reply: FileReply) => void) | undefined;
  onFailure: ((reason: string) => void) | undefined;

  constructor(memoryMb: number) {
    this.worker = new Worker(workerScript(), { resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 8 }, stdout: false, stderr: false });
    this.worker.on('message', (message: FileReply | 'ready') => {
      if (message === 'ready') {
        this.loaded = true;
        this.onLoaded?.();
      } else this.onReply?.(message);
    });
    this.worker.on('error', (error: Error & { code?: string }) =>
      this.failed(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `abandoned: it needed more than ${memoryMb} MB of memory (the per-file limit); left unchanged`
          : `abandoned: the worker processing it failed (${error.message.split('\n')[0]}); left unchanged`,
      ),
    );
    this.worker.on('exit', (code) => this.failed(`abandoned: the worker processing it stopped (exit code ${code}); left unchanged`));
  }

  private failed(reason: string): void {
    if (this.onFailure) this.onFailure(reason);
    else this.dead = true;
  }

  async end(): Promise<void> {
    this.onFailure = undefined;
    this.onReply = undefined;
    await this.worker.terminate();
  }
}

interface Slot {
  thread: Thread | undefined;
  task: FileTask | undefined;
  timer: NodeJS.Timeout | undefined;
  started: number;
}

/**
 * Processes files in worker threads, so that one file can never take the run down: a file that
 * runs over its time budget or its memory limit loses its worker (the thread is terminated and a
 * new one started for the next file) and is reported, and the other files go on.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private queue: FileTask[] = [];
  private pending = 0;
  private finish: (() => void) | undefined;
  private stopped = false;
  private setup: WorkerSetup | undefined;
  /** A thread started before the run's setup existed, loading its modules while the main thread reads files. */
  private warm: Thread | undefined;

  constructor(
    private readonly limits: PoolLimits,
    private readonly onReply: (reply: FileReply | PoolFailure) => void,
  ) {}

  /** Starts one worker ahead of time. */
  warmUp(): void {
    if (!this.warm && !this.stopped && this.slots.length === 0) this.warm = new Thread(this.limits.memoryMb);
  }

  /** Processes every file (results arrive through `onReply`); resolves when all are answered or the pool is stopped. */
  run(files: readonly string[], setup: WorkerSetup): Promise<void> {
    this.setup = setup;
    this.queue = files.map((file, id) => ({ id, file }));
    this.pending = files.length;
    if (this.pending === 0 || this.stopped) return this.stop();
    const done = new Promise<void>((resolve) => (this.finish = resolve));
    const threads = Math.max(1, Math.min(this.limits.threads, files.length));
    for (let i = 0; i < threads; i++) {
      const slot: Slot = { thread: undefined, task: undefined, timer: undefined, started: 0 };
      this.slots.push(slot);
      this.next(slot);
    }
    return done;
  }

  /** Stops at once: files not answered yet get no answer. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue = [];
    const warm = this.warm;
    this.warm = undefined;
    await Promise.all([...this.slots.map((slot) => this.retire(slot)), warm?.end()]);
    this.finish?.();
  }

  private next(slot: Slot): void {
    const task = this.stopped ? undefined : this.queue.shift();
    slot.task = task;
    if (!task) {
      void this.retire(slot);
      return;
    }
    const thread = (slot.thread ??= this.attach(slot));
    thread.worker.postMessage(task);
    if (thread.loaded) this.startClock(slot);
  }

  private attach(slot: Slot): Thread {
    const thread = this.warm && !this.warm.dead ? this.warm : new Thread(this.limits.memoryMb);
    this.warm = undefined;
    thread.worker.postMessage(this.setup);
    thread.onLoaded = () => {
      if (slot.task) this.startClock(slot);
    };
    thread.onReply = (reply) => {
      if (slot.thread === thread && slot.task?.id === reply.id) this.settle(slot, reply);
    };
    thread.onFailure = (reason) => {
      if (slot.thread === thread) this.abandon(slot, reason);
    };
    return thread;
  }

  private startClock(slot: Slot): void {
    slot.started = performance.now();
    slot.timer = setTimeout(
      () => this.abandon(slot, `abandoned after ${formatSeconds(this.limits.fileTimeoutMs)}: it took longer than the per-file budget (--file-timeout); left unchanged`),
      this.limits.fileTimeoutMs,
    );
  }

  private settle(slot: Slot, reply: FileReply | PoolFailure): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.task = undefined;
    this.onReply(reply);
    this.pending--;
    if (this.pending === 0) {
      void Promise.all(this.slots.map((s) => this.retire(s))).then(() => this.finish?.());
      return;
    }
    this.next(slot);
  }

  /** Gives up on the slot's file: its worker is ended (a new one takes the next file). */
  private abandon(slot: Slot, reason: string): void {
    const task = slot.task;
    if (!task) return;
    const durationMs = Math.round(performance.now() - slot.started);
    const thread = slot.thread;
    slot.thread = undefined;
    void thread?.end();
    this.settle(slot, { id: task.id, facts: undefined, outcome: { status: 'failed', reason, changes: [], findings: [], durationMs, phases: {} } });
  }

  private async retire(slot: Slot): Promise<void> {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const thread = slot.thread;
    slot.thread = undefined;
    await thread?.end();
  }
}

/** The compiled worker entry; from the TypeScript sources (the tests), the built copy of it. */
function workerScript(): string {
  const beside = path.join(__dirname, 'worker.js');
  if (fs.existsSync(beside)) return beside;
  return path.resolve(__dirname, '..', '..', '..', 'dist', 'lib', 'runner', 'workers', 'worker.js');
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
