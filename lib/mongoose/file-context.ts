import type { Path } from '../ast/nodes';
import type { TypeFacts } from '../facts/type-facts';
import type { RuleName } from '../rules';
import type { ProjectView } from './project-view';

/** What the domain's rewriting helpers need of the file being transformed. */
export interface FileContext {
  /** Absolute path of the file. */
  readonly file: string;
  /** The file's current text (LF line breaks, no BOM), as left by the previous transform. */
  readonly source: string;
  readonly project: ProjectView;
  readonly types: TypeFacts;
  /** Records a rewrite for the report; `rule` when it is not the transform's own kind. */
  change(path: Path, description: string, rule?: RuleName): void;
}
