import { freeName } from '../ast/bindings';
import { endOf, isCall, isIdentifier, startOf, type Node, type Path } from '../ast/nodes';
import { removeListItem, type RewriteTarget } from '../edit/rewrite';
import { statementRemovalRange } from '../edit/text';
import type { MongooseAnalysis, SessionCreation } from './analysis';

/**
 * `import { startSession } from 'mongoose'` (or `const { startSession } = require('mongoose')`)
 * starts sessions on the default connection, `mongoose.connection` (docs/mongoose-semantics.md
 * §1.2). The rewrite writes that connection as the file can name it where the session was
 * started: the binding of the mongoose module (`mongoose.connection`), a `connection` imported
 * from Mongoose, or else a name the import that brings `startSession` is given for it: a default
 * import in an ES import (`import mongoose, { Types } from 'mongoose'`; mongoose's ES entry does
 * not export `connection` by name), `connection` in a CommonJS destructuring.
 */
export interface DefaultConnection {
  /** The expression for the connection, at the creation. */
  text: string;
  /** The `startSession` specifier (or destructured property) the creation calls. */
  factory: Node;
  /** The `ImportDeclaration`, or the `ObjectPattern` of `const { startSession } = require('mongoose')`, that holds it. */
  holder: Path;
  /** The name the rewrite adds to that statement for `text` (the same for every creation of the file), when nothing in scope names the connection. */
  added: string | undefined;
}

/** How the file names the default connection for a creation by an imported `startSession`, or undefined for other creations. */
export function defaultConnectionOf(analysis: MongooseAnalysis, creation: SessionCreation): DefaultConnection | undefined {
  const callee = isCall(creation.call.node) ? (creation.call.get('callee') as Path) : undefined;
  if (!callee || !isIdentifier(callee.node) || analysis.imports.mongooseNamed.get(callee.node.name) !== 'startSession') return undefined;
  const named = namedBindings(analysis);
  const factory = named.find((b) => b.local === analysis.bindings.declarationOf(callee));
  if (!factory) return undefined;
  const own = { factory: factory.specifier, holder: factory.holder };
  const text = namedIn(named, analysis, creation.call);
  if (text) return { text, ...own, added: undefined };
  // A module import that the code around the creation hides (a parameter named `mongoose`): nothing to add to.
  if (factory.es && (factory.holder.node.specifiers as Node[]).some((s) => s.type !== 'ImportSpecifier')) return undefined;
  const added = addedName(analysis, factory.es ? 'mongoose' : 'connection');
  return { text: factory.es ? `${added}.connection` : added, ...own, added };
}

/** How the file names the default connection at `at` with what it already imports from Mongoose (`mongoose.connection`, an imported `connection`), or undefined. */
export function namedDefaultConnection(analysis: MongooseAnalysis, at: Path): string | undefined {
  return namedIn(namedBindings(analysis), analysis, at);
}

function namedIn(named: MongooseBinding[], analysis: MongooseAnalysis, at: Path): string | undefined {
  const visible = (b: MongooseBinding) => analysis.bindings.resolve(b.local.name as string, at) === b.local;
  const module = named.find((b) => b.imported === undefined && visible(b));
  if (module) return `${module.local.name as string}.connection`;
  const connection = named.find((b) => b.imported === 'connection' && visible(b));
  return connection ? (connection.local.name as string) : undefined;
}

/**
 * After the rewrite of the sessions `converted` created: an imported `startSession` whose sessions
 * became transaction() calls gets the name the new code uses added to its import, and leaves the
 * import when every use of it was such a creation.
 */
export function settleFactoryImports(target: RewriteTarget, analysis: MongooseAnalysis, converted: readonly SessionCreation[]): void {
  const byFactory = new Map<Node, DefaultConnection[]>();
  for (const creation of converted) {
    const connection = defaultConnectionOf(analysis, creation);
    if (connection) byFactory.set(connection.factory, [...(byFactory.get(connection.factory) ?? []), connection]);
  }
  for (const group of byFactory.values()) settleFactoryImport(target, analysis, group);
}

function settleFactoryImport(target: RewriteTarget, analysis: MongooseAnalysis, converted: readonly DefaultConnection[]): void {
  const first = converted[0]!;
  const { holder, factory } = first;
  const uses = analysis.bindings.referencesIn(analysis.root.get() as Path, specifierLocal(factory));
  const unused = uses.length === converted.length;
  const added = converted.find((c) => c.added !== undefined)?.added;
  if (holder.node.type === 'ImportDeclaration') {
    const specifiers = holder.node.specifiers as Node[];
    const open = target.source.lastIndexOf('{', startOf(specifiers[0]!));
    if (unused && specifiers.length === 1 && added) {
      target.edits.replace(open, target.source.indexOf('}', endOf(factory)) + 1, added);
      return;
    }
    if (added) target.edits.insert(open, `${added}, `);
    if (unused) removeSpecifier(target, holder.node, factory);
    return;
  }
  const property = added === undefined ? undefined : added === 'connection' ? 'connection' : `connection: ${added}`;
  if (unused && property) target.edits.replace(startOf(factory), endOf(factory), property);
  else if (property) target.edits.insert(startOf(factory), `${property}, `);
  else if (unused) removeProperty(target, holder, factory);
}

/** Takes a property out of `const { ... } = require('mongoose')`; the declaration goes with the last one. */
export function removeProperty(target: RewriteTarget, pattern: Path, property: Node): void {
  const properties = pattern.node.properties as Node[];
  const statement = pattern.parent?.parent as Path | undefined;
  if (properties.length === 1 && statement?.node.type === 'VariableDeclaration' && (statement.node.declarations as Node[]).length === 1) {
    target.edits.remove(...statementRemovalRange(target.source, startOf(statement.node), endOf(statement.node)));
  } else {
    removeListItem(target, properties, properties.indexOf(property));
  }
}

/** Takes a specifier out of an import; the braces go with the last named one, the declaration with the last one. */
export function removeSpecifier(target: RewriteTarget, declaration: Node, specifier: Node): void {
  const specifiers = declaration.specifiers as Node[];
  const named = specifiers.filter((s) => s.type === 'ImportSpecifier');
  if (specifiers.length === 1) {
    target.edits.remove(...statementRemovalRange(target.source, startOf(declaration), endOf(declaration)));
  } else if (named.length === 1) {
    // `import mongoose, { startSession } from 'mongoose'`: the braces go with it.
    const before = specifiers[specifiers.indexOf(specifier) - 1]!;
    target.edits.remove(endOf(before), target.source.indexOf('}', endOf(specifier)) + 1);
  } else {
    removeListItem(target, named, named.indexOf(specifier));
  }
}

/** A name Mongoose's module gives this file: the module itself (`imported` undefined) or one of its exports. */
interface MongooseBinding {
  local: Node;
  imported: string | undefined;
  /** An ES import (else a CommonJS `require`). */
  es: boolean;
  holder: Path;
  specifier: Node;
}

function namedBindings(analysis: MongooseAnalysis): MongooseBinding[] {
  const out: MongooseBinding[] = [];
  for (const declaration of analysis.index.of('ImportDeclaration')) {
    if ((declaration.node.source as Node).value !== 'mongoose' || declaration.node.importKind === 'type') continue;
    for (const specifier of declaration.node.specifiers as Node[]) {
      if (specifier.importKind === 'type') continue;
      const imported = specifier.type === 'ImportSpecifier' ? (((specifier.imported as Node).name ?? (specifier.imported as Node).value) as string) : undefined;
      out.push({ local: specifier.local as Node, imported, es: true, holder: declaration, specifier });
    }
  }
  for (const declarator of analysis.index.of('VariableDeclarator')) {
    const init = declarator.node.init as Node | null;
    if (!init || !isCall(init) || !isIdentifier(init.callee, 'require') || (init.arguments[0] as Node | undefined)?.value !== 'mongoose') continue;
    const id = declarator.node.id as Node;
    if (isIdentifier(id)) out.push({ local: id, imported: undefined, es: false, holder: declarator, specifier: id });
    if (id.type !== 'ObjectPattern') continue;
    const pattern = declarator.get('id') as Path;
    for (const property of id.properties as Node[]) {
      const key = property.key as Node | undefined;
      if (property.type !== 'ObjectProperty' || property.computed || !key || !isIdentifier(property.value as Node)) continue;
      out.push({ local: property.value as Node, imported: (key.name ?? key.value) as string, es: false, holder: pattern, specifier: property });
    }
  }
  return out;
}

function specifierLocal(specifier: Node): Node {
  return (specifier.type === 'ObjectProperty' ? specifier.value : specifier.local) as Node;
}

/** `base`, unless the file already uses that name for something (then `base2`, ...). */
function addedName(analysis: MongooseAnalysis, base: string): string {
  const taken = new Set(analysis.index.of('Identifier').map((p) => p.node.name as string));
  return freeName(base, taken);
}
