import type { API, FileInfo, Options } from 'jscodeshift';
import * as path from 'node:path';
import { RunEnvironment } from './runner/environment';
import { runPipeline } from './pipeline';
import { decodeText, encodeText } from './facts/source-text';
import type { Transform } from './transform';

export type JscodeshiftTransform = (file: FileInfo, api: API, options: Options) => string | undefined;

/** jscodeshift hands every file of a worker the same options object: the run's facts live there. */
const ENVIRONMENT = Symbol.for('tx-codemod.environment');

/**
 * Wraps a transform so that `jscodeshift -t <built transform>` runs it. The parser is chosen per
 * file from its extension (jscodeshift's --parser is ignored); findings go to `api.report`.
 * Options: `--als` / `--als=false`, `--strip-save`, `--annotate`.
 */
export function asJscodeshiftTransform(transform: Transform): JscodeshiftTransform {
  return (file, api, options) => {
    const env = environmentOf(options);
    const absolute = path.resolve(file.path);
    const { text, format } = decodeText(file.source);
    const result = runPipeline({
      file: absolute,
      displayPath: file.path,
      source: text,
      transforms: [transform],
      project: env.projectView(absolute),
      types: env.types,
      settings: { stripSave: truthy(options['strip-save'] ?? options.stripSave) },
      annotate: truthy(options.annotate),
      inRun: () => false,
    });
    for (const finding of result.findings) {
      api.report(`${finding.file}:${finding.line}:${finding.column}: ${finding.reason}`);
    }
    return result.output === undefined ? undefined : encodeText(result.output, format);
  };
}

function environmentOf(options: Options): RunEnvironment {
  const holder = options as Options & { [ENVIRONMENT]?: RunEnvironment };
  holder[ENVIRONMENT] ??= new RunEnvironment({ als: options.als === undefined ? undefined : truthy(options.als) });
  return holder[ENVIRONMENT];
}

function truthy(value: unknown): boolean {
  return value === true || value === 'true' || value === 1 || value === '1';
}
