import { requiredSpecifier } from '../ast/modules';
import { contains, endOf, isCall, isFunction, isIdentifier, isMember, propertyName, rootIdentifier, startOf, unwrapPath, type Node, type Path } from '../ast/nodes';
import { enclosingClass } from '../ast/classes';
import { statementRemovalRange } from '../edit/text';
import type { RewriteTarget } from '../edit/rewrite';
import type { MongooseAnalysis, SessionCreation } from './analysis';
import { removeProperty, removeSpecifier } from './default-connection';
import { programOf } from './callees';
import { relativeTo } from './places';
import { factoryCall } from './factory-connection';

/**
 * A converted session no longer calls its factory: the name the caller's file reaches a factory of
 * another module by may be left with no use. An imported or required name is then taken out of its
 * import (the whole statement where it was its only name, when no module stops being loaded that
 * does more than define things); a TypeScript private field read only to call the factory would
 * be left unread, which noUnusedLocals rejects, so that conversion is refused.
 */

type Factory = NonNullable<SessionCreation['factory']>;

/** The name of the caller's imports the factory call starts from, with the statement that binds it. */
interface FactoryImport {
  local: Node;
  /** The import specifier, the destructured property, or the declarator's identifier. */
  specifier: Node;
  /** The ImportDeclaration, the ObjectPattern of `const { f } = require(...)`, or the declarator of `const m = require(...)`. */
  holder: Path;
  statement: Path;
}

/** Why converting the session would leave the caller's way to the factory broken or unused, or undefined. */
export function factoryLeftBehind(analysis: MongooseAnalysis, creation: SessionCreation, factory: Factory): string | undefined {
  const called = `${factoryCall(analysis, creation, factory)} (${relativeTo(analysis.file ?? '', factory.analysis.file ?? '')})`;
  const field = privateField(creation);
  if (field && onlyReadForSessions(analysis, creation, field)) {
    return `the session comes from ${called}, and \`this.${field}\` is read only for sessions: transaction() does not call it, so the private field would be left unread`;
  }
  const reached = factoryImport(analysis, creation);
  if (!reached || !onlyUsedForSessions(analysis, reached.local) || keepsOtherNames(reached)) return undefined;
  if (onlyDefines(factory.analysis) || loadedElsewhere(analysis, reached)) return undefined;
  return `the session comes from ${called}, which this file loads only for its sessions: transaction() does not call it, and taking out the import would stop loading that module, which does more than define functions`;
}

/** Takes out of the imports the names that the converted sessions were the only uses of. */
export function dropFactoryImports(target: RewriteTarget, analysis: MongooseAnalysis, converted: readonly SessionCreation[]): void {
  const done = new Set<Node>();
  for (const creation of converted) {
    if (!creation.factory || creation.factory.analysis === analysis) continue;
    const reached = factoryImport(analysis, creation);
    if (!reached || done.has(reached.local)) continue;
    done.add(reached.local);
    const uses = analysis.bindings.referencesIn(analysis.root.get() as Path, reached.local);
    if (!uses.every((use) => converted.some((c) => contains(c.call.node, use.node)))) continue;
    if (!keepsOtherNames(reached)) target.edits.remove(...statementRemovalRange(target.source, startOf(reached.statement.node), endOf(reached.statement.node)));
    else if (reached.holder.node.type === 'ImportDeclaration') removeSpecifier(target, reached.holder.node, reached.specifier);
    else removeProperty(target, reached.holder, reached.specifier);
  }
}

function factoryImport(analysis: MongooseAnalysis, creation: SessionCreation): FactoryImport | undefined {
  const call = unwrapPath(creation.call);
  if (!isCall(call.node)) return undefined;
  const root = rootIdentifier(call.get('callee') as Path);
  const local = root && analysis.bindings.declarationOf(root);
  const declared = local && analysis.index.pathOf(local);
  const parent = declared?.parent as Path | null | undefined;
  if (!local || !parent) return undefined;
  if (parent.node.type === 'ImportSpecifier' || parent.node.type === 'ImportDefaultSpecifier' || parent.node.type === 'ImportNamespaceSpecifier') {
    return { local, specifier: parent.node, holder: parent.parent as Path, statement: parent.parent as Path };
  }
  const property = parent.node.type === 'ObjectProperty' ? parent : undefined;
  const declarator = (property ? property.parent?.parent : parent) as Path | null | undefined;
  const init = declarator?.node.type === 'VariableDeclarator' ? (declarator.node.init as Node | null) : null;
  const statement = declarator?.parent as Path | null | undefined;
  if (!init || requiredSpecifier(init) === undefined || statement?.node.type !== 'VariableDeclaration' || statement.parent?.node.type !== 'Program') return undefined;
  if ((statement.node.declarations as Node[]).length !== 1) return undefined;
  return property ? { local, specifier: property.node, holder: property.parent as Path, statement } : { local, specifier: local, holder: declarator!, statement };
}

/** Every use of the name is in the call of a session factory (the one converted or another). */
function onlyUsedForSessions(analysis: MongooseAnalysis, local: Node): boolean {
  const creations = analysis.sessionCreations().filter((c) => c.factory);
  return analysis.bindings.referencesIn(analysis.root.get() as Path, local).every((use) => creations.some((c) => contains(c.call.node, use.node)));
}

/** Another import or `require()` of the file's top level loads the same module. */
function loadedElsewhere(analysis: MongooseAnalysis, reached: FactoryImport): boolean {
  const target = loadedBy(analysis, reached.statement.node);
  const program = programOf(analysis).node;
  return target !== undefined && (program.body as Node[]).some((statement) => statement !== reached.statement.node && loadedBy(analysis, statement) === target);
}

/** The module a top-level import or `const x = require(...)` loads, as the run knows it. */
function loadedBy(analysis: MongooseAnalysis, statement: Node): MongooseAnalysis | undefined {
  if (statement.type === 'ImportDeclaration') return statement.importKind === 'type' ? undefined : analysis.links.moduleAt((statement.source as Node).value as string);
  const declarations = statement.type === 'VariableDeclaration' ? (statement.declarations as Node[]) : [];
  const specifier = declarations.length === 1 && declarations[0]!.init ? requiredSpecifier(declarations[0]!.init as Node) : undefined;
  return specifier === undefined ? undefined : analysis.links.moduleAt(specifier);
}

/** The statement binds names besides this one, so it stays. */
function keepsOtherNames(reached: FactoryImport): boolean {
  const holder = reached.holder.node;
  if (holder.type === 'ImportDeclaration') return (holder.specifiers as Node[]).length > 1;
  if (holder.type === 'ObjectPattern') return (holder.properties as Node[]).length > 1;
  return false;
}

/** The module's top level only loads modules and defines functions, classes, constants and exports: loading it does nothing else. */
function onlyDefines(analysis: MongooseAnalysis): boolean {
  const program = programOf(analysis).node;
  return (program.body as Node[]).every((statement) => definesOnly(statement));
}

function definesOnly(statement: Node): boolean {
  switch (statement.type) {
    case 'ImportDeclaration':
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'ExportAllDeclaration':
      return true;
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
      return !statement.declaration || definesOnly(statement.declaration as Node) || isValue(statement.declaration as Node);
    case 'VariableDeclaration':
      return (statement.declarations as Node[]).every((d) => !d.init || isValue(d.init as Node));
    case 'ExpressionStatement': {
      const expression = statement.expression as Node;
      return expression.type === 'AssignmentExpression' && isMember(expression.left as Node) && isValue(expression.right as Node) && /^(module\.)?exports\b/.test(exportsTarget(expression.left as Node));
    }
    default:
      return false;
  }
}

/** A function, a class, a literal, a `require()`, a name, or an object of such. */
function isValue(node: Node): boolean {
  if (isFunction(node) || node.type === 'ClassExpression' || node.type === 'Identifier' || /Literal$/.test(node.type)) return true;
  if (isCall(node)) return requiredSpecifier(node) !== undefined;
  if (node.type === 'ObjectExpression') return (node.properties as Node[]).every((p) => p.type === 'ObjectMethod' || (p.type === 'ObjectProperty' && !p.computed && isValue(p.value as Node)));
  return false;
}

function exportsTarget(left: Node): string {
  const parts: string[] = [];
  let current = left;
  while (isMember(current)) {
    parts.unshift(propertyName(current) ?? '');
    current = current.object;
  }
  return [isIdentifier(current) ? current.name : '', ...parts].join('.');
}

/** `this.walletRepo.sessionStart()` where the class declares `walletRepo` private (a field or a constructor property): its name. */
function privateField(creation: SessionCreation): string | undefined {
  const call = unwrapPath(creation.call);
  const callee = isCall(call.node) ? (call.node.callee as Node) : undefined;
  const holder = callee && isMember(callee) ? callee.object : undefined;
  if (!holder || !isMember(holder) || (holder.object as Node).type !== 'ThisExpression') return undefined;
  const name = propertyName(holder);
  const cls = enclosingClass(call);
  if (!name || !cls) return undefined;
  for (const member of (cls.node.body as Node).body as Node[]) {
    if (member.type === 'ClassProperty' && isIdentifier(member.key as Node, name)) return member.accessibility === 'private' ? name : undefined;
    if (member.type === 'ClassPrivateProperty') continue;
    if (member.type !== 'ClassMethod' || member.kind !== 'constructor') continue;
    const param = (member.params as Node[]).find((p) => p.type === 'TSParameterProperty' && isIdentifier(p.parameter as Node, name));
    if (param) return param.accessibility === 'private' ? name : undefined;
  }
  return undefined;
}

/** Every read of `this.<field>` in the class is the start of a session factory's call. */
function onlyReadForSessions(analysis: MongooseAnalysis, creation: SessionCreation, field: string): boolean {
  const cls = enclosingClass(creation.call)!;
  const creations = analysis.sessionCreations().filter((c) => c.factory);
  return analysis.index.within(cls.node, 'MemberExpression').every((member) => {
    const node = member.node;
    if ((node.object as Node).type !== 'ThisExpression' || propertyName(node) !== field || enclosingClass(member)?.node !== cls.node) return true;
    const parent = member.parent?.node as Node | undefined;
    if (parent?.type === 'AssignmentExpression' && parent.left === node) return true;
    return creations.some((c) => contains(c.call.node, node));
  });
}
