import type { AlsMode } from '../../transform';
import type { MongooseVersion } from '../../facts/project';
import type { TypeFactsStatus } from '../../facts/type-facts';
import type { ImportGraphData } from '../prefilter/import-graph';
import type { FileOutcome } from './file-task';

/** Everything a worker thread needs to process files exactly as the main thread would. */
export interface WorkerSetup {
  cwd: string;
  dry: boolean;
  transforms: string[];
  als: boolean | undefined;
  prettier: boolean;
  annotate: boolean;
  stripSave: boolean;
  graph: ImportGraphData;
  /** Where results are cached, and the key of the tool's code and the run's options; undefined: no cache. */
  cache: { dir: string; key: string } | undefined;
  /** Files this run processes (the others are only read). */
  inRun: string[];
}

export interface FileTask {
  id: number;
  file: string;
}

/** The facts transforms looked at, with their values, keyed by package root: the report's notes. */
export interface FactsSeen {
  versions: Array<[string, MongooseVersion]>;
  als: Array<[string, AlsMode]>;
  types: TypeFactsStatus[];
}

export interface FileReply {
  id: number;
  outcome: FileOutcome;
  facts: FactsSeen;
}
