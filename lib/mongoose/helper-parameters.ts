import { enclosingFunction, type Node, type Path } from '../ast/nodes';
import type { ParameterSlot } from '../ast/parameters';
import { removeListItem, removeParameter, type RewriteTarget } from '../edit/rewrite';
import type { FileContext } from './file-context';
import type { MongooseAnalysis } from './analysis';
import type { CallSite, CallSiteFinder } from './callers';

/**
 * Why a helper's parameter that a rewrite leaves unread cannot be removed together with the
 * argument of each of its calls; undefined when it can: every call is known (`sites`), in this
 * file, and the helper is private to it. A parameter nothing reads fails linters
 * (`no-unused-vars`) and TypeScript's `noUnusedParameters`.
 */
export function parameterRemovalProblem(analysis: MongooseAnalysis, finder: CallSiteFinder, fn: Path, slot: ParameterSlot, sites: readonly CallSite[]): string | undefined {
  const param = (fn.node.params as Node[])[slot.index]!;
  if (slot.key !== undefined) return 'it is a property of a destructured parameter';
  if (param.type === 'TSParameterProperty') return 'it is also a property of the class';
  if (sites.some((site) => (site.call.node.arguments as Node[]).slice(0, slot.index + 1).some((a) => a.type === 'SpreadElement'))) return 'a call spreads its arguments into it';
  if (sites.some((site) => site.analysis !== analysis)) return 'it is called from other files, whose calls pass the session and would have to change with it';
  if (!finder.privateToFile(fn)) return 'it is exported or a method, so code outside this file may call it with the session';
  if (analysis.index.within(fn.node, 'Identifier').some((id) => id.node.name === 'arguments' && enclosingFunction(id)?.node === fn.node)) return 'the function reads `arguments`';
  return undefined;
}

/**
 * Removes the parameter at `index` of `fn` and the argument at `index` of each call in `sites`
 * (adding each argument removed to `removed`).
 */
export function removeParameterAndArguments(ctx: FileContext & RewriteTarget, fn: Path, index: number, sites: readonly CallSite[], removed: Set<Node>): void {
  removeParameter(ctx, fn.node, index);
  for (const site of sites) {
    const args = site.call.node.arguments as Node[];
    // A call that leaves an optional parameter out has nothing to remove.
    if (args[index] === undefined) continue;
    removed.add(args[index]!);
    removeListItem(ctx, args, index);
  }
  ctx.change(fn, `removed the session parameter of this helper and the session argument of its ${sites.length === 1 ? 'call' : `${sites.length} calls`}, since nothing reads it any more`);
}
