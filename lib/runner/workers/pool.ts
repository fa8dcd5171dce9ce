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

interface Slot {
  worker: Worker | undefined;
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

  constructor(
    private readonly setup: WorkerSetup,
    private readonly limits: PoolLimits,
    private readonly onReply: (reply: FileReply | PoolFailure) => void,
  ) {}

  /** Processes every file (results arrive through `onReply`); resolves when all are answered or the pool is stopped. */
  run(files: readonly string[]): Promise<void> {
    this.queue = files.map((file, id) => ({ id, file }));
    this.pending = files.length;
    if (this.pending === 0) return Promise.resolve();
    const done = new Promise<void>((resolve) => (this.finish = resolve));
    const threads = Math.max(1, Math.min(this.limits.threads, files.length));
    for (let i = 0; i < threads; i++) {
      const slot: Slot = { worker: undefined, task: undefined, timer: undefined, started: 0 };
      this.slots.push(slot);
      this.next(slot);
    }
    return done;
  }

  /** Stops at once: files not answered yet get no answer. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue = [];
    await Promise.all(this.slots.map((slot) => this.retire(slot)));
    this.finish?.();
  }

  private next(slot: Slot): void {
    const task = this.stopped ? undefined : this.queue.shift();
    slot.task = task;
    if (!task) {
      void this.retire(slot);
      return;
    }
    const worker = (slot.worker ??= this.spawn(slot));
    slot.started = performance.now();
    slot.timer = setTimeout(() => this.abandon(slot, `abandoned after ${formatSeconds(this.limits.fileTimeoutMs)}: it took longer than the per-file budget (--file-timeout); left unchanged`), this.limits.fileTimeoutMs);
    worker.postMessage(task);
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(workerScript(), {
      workerData: this.setup,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
      stdout: false,
      stderr: false,
    });
    worker.on('message', (reply: FileReply) => {
      if (slot.worker !== worker || slot.task?.id !== reply.id) return;
      this.settle(slot, reply);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `abandoned: it needed more than ${this.limits.memoryMb} MB of memory (the per-file limit); left unchanged`
          : `abandoned: the worker processing it failed (${error.message.split('\n')[0]}); left unchanged`;
      this.abandon(slot, reason);
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker || !slot.task) return;
      this.abandon(slot, `abandoned: the worker processing it stopped (exit code ${code}); left unchanged`);
    });
    return worker;
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
    const worker = slot.worker;
    slot.worker = undefined;
    void worker?.terminate();
    this.settle(slot, { id: task.id, facts: undefined, outcome: { status: 'failed', reason, changes: [], findings: [], durationMs, phases: {} } });
  }

  private async retire(slot: Slot): Promise<void> {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const worker = slot.worker;
    slot.worker = undefined;
    await worker?.terminate();
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
