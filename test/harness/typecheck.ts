import * as path from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';

/**
 * Type-checks fixture files against the real `mongoose` declarations (a devDependency). Every
 * file is its own module, so inputs and outputs never clash with each other.
 */
export function createTypeChecker(): (files: string[]) => Map<string, string[]> {
  const project = new Project({
    compilerOptions: {
      strict: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      // ts-morph bundles TypeScript 6, which warns that node10 resolution will go; fixtures are CommonJS.
      ignoreDeprecations: '6.0',
      moduleDetection: ts.ModuleDetectionKind.Force,
      esModuleInterop: true,
      skipLibCheck: true,
      experimentalDecorators: true,
      noEmit: true,
      types: ['node'],
      typeRoots: [path.join(__dirname, '..', '..', 'node_modules', '@types')],
    },
  });
  return (files) => {
    const sources: SourceFile[] = files.map((f) => project.getSourceFile(f) ?? project.addSourceFileAtPath(f));
    const out = new Map<string, string[]>();
    for (const source of sources) {
      out.set(
        source.getFilePath(),
        source.getPreEmitDiagnostics().map((d) => {
          const text = d.getMessageText();
          const message = typeof text === 'string' ? text : text.getMessageText();
          return `${d.getLineNumber() ?? '?'}: ${message}`;
        }),
      );
    }
    return out;
  };
}
