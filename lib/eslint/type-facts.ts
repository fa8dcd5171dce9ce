import type { ts } from 'ts-morph';
import { thenableFactOf, type ThenableFact, type TypeFacts, type TypeFactsStatus } from '../facts/type-facts';
import type { LintText } from './lint-text';

/** An ESTree node as ESLint hands it out: enough to walk up from a position. */
export interface EstreeNode {
  type: string;
  range: [number, number];
  parent?: EstreeNode | null;
}

/** What typescript-eslint's parser provides when the project has type information. */
export interface TypedParserServices {
  program: ts.Program;
  esTreeNodeToTSNodeMap: { get(node: EstreeNode): ts.Node | undefined };
}

/** The linted file as ESLint parsed it, with the type information its parser built. */
export interface TypedFile {
  file: string;
  text: LintText;
  services: TypedParserServices;
  nodeAt(index: number): EstreeNode | null;
}

/**
 * The codemod's type facts inside ESLint. Whether an expression is a thenable comes from the
 * program typescript-eslint built for the linted file; without one (no type information) there is
 * none and the transforms fall back to names, as the codemod does. A question about text an earlier
 * stage rewrote goes to the codemod's own ts-morph program, which only typed projects reach.
 */
export class LintTypeFacts implements TypeFacts {
  constructor(
    private readonly codemod: TypeFacts,
    private readonly typed: TypedFile | undefined,
  ) {}

  thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined {
    const typed = this.typed;
    if (!typed) return undefined;
    if (file !== typed.file || source !== typed.text.transformed || isIsolated(typed.services.program)) return this.codemod.thenableAt(file, source, start, end);
    const node = this.estreeNode(typed, typed.text.toRaw(start), typed.text.toRaw(end));
    const tsNode = node && typed.services.esTreeNodeToTSNodeMap.get(node);
    if (!node || !tsNode) return undefined;
    return thenableFactOf(typed.services.program.getTypeChecker(), tsNode, node.type === 'CallExpression');
  }

  statuses(): TypeFactsStatus[] {
    return this.typed ? [{ state: 'available', config: 'typescript-eslint' }] : this.codemod.statuses();
  }

  /** The innermost node spanning exactly [start, end). */
  private estreeNode(typed: TypedFile, start: number, end: number): EstreeNode | undefined {
    for (let node = typed.nodeAt(start); node; node = node.parent ?? null) {
      if (node.range[0] === start && node.range[1] === end) return node;
      if (node.range[0] < start || node.range[1] > end) return undefined;
    }
    return undefined;
  }
}

/**
 * A program of the linted file alone, whose imports are not resolved: typescript-eslint's fallback
 * when it parses a file again in a single run (CI=true, a fix cycle). Everything imported is `any`
 * there, so its answers would be "unknown" where the project's program knows.
 */
function isIsolated(program: ts.Program): boolean {
  return program.getCompilerOptions().noResolve === true;
}

/** typescript-eslint's services when they carry a program (it sets `program: null` without type information). */
export function typedServices(services: unknown): TypedParserServices | undefined {
  const candidate = services as Partial<TypedParserServices> | undefined;
  return candidate?.program && candidate.esTreeNodeToTSNodeMap ? (candidate as TypedParserServices) : undefined;
}
