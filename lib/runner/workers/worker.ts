// Entry point of a worker thread: processes the files the main thread sends, one at a time.
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { selectTransforms } from '../../registry';
import { RunEnvironment } from '../environment';
import { Stopwatch } from '../../facts/stopwatch';
import { Formatter } from '../output/format';
import { ImportGraph } from '../prefilter/import-graph';
import { processFile, type FileJob } from './file-task';
import { ResultCache } from '../cache/result-cache';
import type { FactsSeen, FileReply, FileTask, WorkerSetup } from './protocol';

/** The run's environment, from the first message (the worker may start before the main thread has built it). */
let current: { env: RunEnvironment; job: FileJob } | undefined;

function prepare(setup: WorkerSetup): { env: RunEnvironment; job: FileJob } {
  const stopwatch = new Stopwatch();
  const env = new RunEnvironment({ als: setup.als, graph: ImportGraph.fromData(setup.graph), stopwatch });
  const inRun = new Set(setup.inRun);
  const cache = setup.cache ? new ResultCache(setup.cache.dir, setup.cache.key) : undefined;
  const job: FileJob = {
    cwd: setup.cwd,
    dry: setup.dry,
    transforms: selectTransforms(setup.transforms),
    env,
    formatter: new Formatter(setup.prettier, cache?.formatted),
    stopwatch,
    annotate: setup.annotate,
    stripSave: setup.stripSave,
    inRun: (file) => inRun.has(file),
    cache,
  };
  return { env, job };
}

function factsSeen(env: RunEnvironment): FactsSeen {
  const roots = new Set([...env.consulted.versions, ...env.consulted.als]);
  return {
    versions: [...roots].map((root) => [root, env.packages.mongooseVersion(path.join(root, 'package.json'))]),
    als: [...env.consulted.als].flatMap((root) => {
      const mode = env.alsModes().get(root);
      return mode ? [[root, mode] as const] : [];
    }) as FactsSeen['als'],
    types: env.types.statuses(),
  };
}

parentPort!.on('message', (message: WorkerSetup | FileTask) => {
  if (!('id' in message)) {
    current = prepare(message);
    return;
  }
  const { env, job } = current!;
  void processFile(message.file, job).then((outcome) => {
    const reply: FileReply = { id: message.id, outcome, facts: factsSeen(env) };
    parentPort!.postMessage(reply);
  });
});
// Everything is loaded: from now on the main thread counts each file's time against its budget.
parentPort!.postMessage('ready');
