// Entry point of a worker thread: processes the files the main thread sends, one at a time.
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { selectTransforms } from '../../registry';
import { RunEnvironment } from '../facts/environment';
import { Stopwatch } from '../facts/stopwatch';
import { Formatter } from '../output/format';
import { ImportGraph } from '../prefilter/import-graph';
import { processFile, type FileJob } from './file-task';
import type { FactsSeen, FileReply, FileTask, WorkerSetup } from './protocol';

const setup = workerData as WorkerSetup;
const stopwatch = new Stopwatch();
const env = new RunEnvironment({ als: setup.als, graph: ImportGraph.fromData(setup.graph), stopwatch });
const inRun = new Set(setup.inRun);
const job: FileJob = {
  cwd: setup.cwd,
  dry: setup.dry,
  transforms: selectTransforms(setup.transforms),
  env,
  formatter: new Formatter(setup.prettier),
  stopwatch,
  annotate: setup.annotate,
  stripSave: setup.stripSave,
  inRun: (file) => inRun.has(file),
};

function factsSeen(): FactsSeen {
  const roots = new Set([...env.consulted.versions, ...env.consulted.als]);
  return {
    versions: [...roots].map((root) => [root, env.packages.mongooseVersion(path.join(root, 'package.json'))]),
    als: [...env.consulted.als].flatMap((root) => {
      const mode = env.alsModes().get(root);
      return mode ? [[root, mode] as const] : [];
    }) as FactsSeen['als'],
    types: env.types.status(),
  };
}

parentPort!.on('message', (task: FileTask) => {
  void processFile(task.file, job).then((outcome) => {
    const reply: FileReply = { id: task.id, outcome, facts: factsSeen() };
    parentPort!.postMessage(reply);
  });
});
