import semver from 'semver';
import { isCall, isIdentifier, isMember, propertyName, type Node, type Path } from '../ast/nodes';
import type { MongooseVersion } from '../facts/project';
import type { MongooseAnalysis } from './analysis';

/** From this version transaction() resets the state of the documents it saved before running the body again (gh-13698). */
export const RESETS_BETWEEN_RETRIES = '7.4.4';

/** Whether the project's Mongoose may leave a saved document's state as the failed attempt left it when transaction() retries. */
export function keepsStateBetweenRetries(mongoose: MongooseVersion): boolean {
  return mongoose.version !== undefined && semver.lt(mongoose.version, RESETS_BETWEEN_RETRIES);
}

/**
 * The first `doc.save(...)` in `parts` on a document the body does not make itself: a variable
 * declared outside `region` that the body never assigns. Each run of the body saves the same
 * object, so what the first attempt's save did to it (modified paths cleared, `isNew` false) is
 * what a second attempt starts from unless Mongoose resets it.
 */
export function outerDocumentSave(analysis: MongooseAnalysis, parts: Path[], region: Node): { at: Path; name: string } | undefined {
  for (const part of parts) {
    const calls = [part, ...analysis.index.within(part.node, 'CallExpression')].filter((p) => isCall(p.node));
    for (const call of calls) {
      const callee = call.node.callee as Node;
      if (!isMember(callee) || propertyName(callee) !== 'save' || !isIdentifier(callee.object as Node)) continue;
      const receiver = call.get('callee', 'object') as Path;
      // `const account = req.account; ...; account.save(...)`: a document from outside all the same.
      if (!analysis.bindings.holdsObjectOf(receiver, (candidate) => analysis.bindings.declaredOutside(candidate, region))) continue;
      const kind = analysis.kindOf(receiver);
      if (kind === 'model' || kind === 'connection' || kind === 'mongoose') continue;
      const declaration = analysis.bindings.declarationOf(receiver);
      if (declaration && assignedWithin(analysis, declaration, region)) continue;
      return { at: call, name: receiver.node.name as string };
    }
  }
  return undefined;
}

/** `doc = ...` somewhere in `region`: the body makes the value it saves. */
function assignedWithin(analysis: MongooseAnalysis, declaration: Node, region: Node): boolean {
  return analysis.bindings.referencesBetween(declaration, region.start ?? 0, region.end ?? 0).some((ref) => {
    const parent = ref.parent as Path | null;
    return parent?.node.type === 'AssignmentExpression' && parent.node.left === ref.node;
  });
}
