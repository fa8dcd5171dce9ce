import type { Collection, JSCodeshift } from 'jscodeshift';
import type { Path } from './ast/nodes';
import type { MongooseAnalysis } from './mongoose/analysis';
import type { SourceEdits } from './edit/edits';
import type { CodeStyle } from './edit/style';
import type { RuleName } from './rules';
import type { TransformName } from './transform-names';
import type { FileContext } from './mongoose/file-context';
import type { AlsMode, ProjectView } from './mongoose/project-view';

export type { AlsMode, ProjectView };

/** Everything a transform sees while it rewrites one file. */
export interface TransformContext extends FileContext {
  readonly j: JSCodeshift;
  readonly root: Collection;
  /** The transform's edits; the file changes only if this is non-empty when `apply` returns. */
  readonly edits: SourceEdits;
  readonly style: CodeStyle;
  /** What the file holds as far as Mongoose is concerned (sessions, scopes, models), computed once per text. */
  readonly analysis: MongooseAnalysis;
  readonly settings: TransformSettings;
  /** The transforms this run applies, in pipeline order: what a later one does, an earlier one may leave to it. */
  readonly transforms: readonly TransformName[];
  /** True when `file` is processed by the same run (so this run also rewrites it). */
  inRun(file: string): boolean;
  /** Records a place left alone, or a change a reviewer must look at; `rule` when it is not the transform's own kind. */
  report(path: Path, reason: string, rule?: RuleName): void;
}

export interface TransformSettings {
  /** strip-als-session: also strip `{ session }` from `doc.save()`. */
  stripSave: boolean;
}

export interface Transform {
  readonly name: TransformName;
  /** One line for `tx-codemod list`. */
  readonly description: string;
  /** The Mongoose versions the rewrite applies to, for `tx-codemod list`. */
  readonly mongooseVersions: string;
  /**
   * Cheap test before parsing: false means the file cannot contain anything this transform
   * rewrites. Text checks first; `project` facts (computed once per package) only after them.
   */
  mightApply(source: string, project: ProjectView): boolean;
  apply(ctx: TransformContext): void;
}
