import { enclosingClass, thisClass } from '../ast/classes';
import { exportLeads, isWholeExports, requiredSpecifier, type ExportLead } from '../ast/modules';
import { endOf, enclosingFunction, isCall, isFunction, isIdentifier, isMember, propertyName, startOf, unwrapAwaitedPath, unwrapPath, type Node, type Path } from '../ast/nodes';
import { declaredCallee } from './declared-callee';
import type { MongooseAnalysis, ReceiverKind } from './analysis';

/**
 * What an expression stands for, as far as syntax can follow it: in its own file, and in the files
 * the run's import graph says it loads (imports, `require`, re-exports, CommonJS exports).
 */
export type Value =
  | { kind: 'function'; analysis: MongooseAnalysis; fn: Path }
  | { kind: 'class'; analysis: MongooseAnalysis; cls: Path }
  | { kind: 'instance'; analysis: MongooseAnalysis; cls: Path }
  | { kind: 'object'; analysis: MongooseAnalysis; object: Path }
  | { kind: 'module'; analysis: MongooseAnalysis }
  /** An expression the syntax follows no further (`mongoose.createConnection(uri)`): what it is, its module's analysis can say. */
  | { kind: 'expression'; analysis: MongooseAnalysis; path: Path };

/** A function a call runs, with the analysis of the file that declares it. */
export interface CalledFunction {
  analysis: MongooseAnalysis;
  fn: Path;
  /** Path of the declaring file, where the run knows it. */
  file: string | undefined;
  /** The function's name as the call names it (`startTaskProcessing`, `userRepository.save`). */
  name: string;
}

const MAX_DEPTH = 12;
/** Receivers whose methods are Mongoose's own (`Order.create()`, `this.connection.transaction()`), never the project's. */
export const MONGOOSE_KINDS: ReadonlySet<ReceiverKind> = new Set(['mongoose', 'connection', 'model', 'client', 'session', 'session-promise']);

/**
 * The function `call` runs, the one answer every question about a call's target gets. Syntax
 * first: `f()` for a function of this file or an imported one, `helper.f()` for a required or
 * imported module or object (`export default { f }`, `module.exports = { f }`), `this.m()`,
 * `this.service.m()` for a class member typed with a class, `instance.m()` for `new C()`, `C.m()`
 * for a static method. Where syntax cannot tell, type facts (declared-callee.ts); undefined when
 * neither can. `syntaxOnly`: for sweeps over every call of a file (the wrappers and factories it
 * may call), where asking type facts about each `result.map(cb)` costs a TypeScript program per file.
 */
export function calledFunction(analysis: MongooseAnalysis, call: Path, options: { syntaxOnly?: boolean } = {}): CalledFunction | undefined {
  if (!isCall(call.node)) return undefined;
  const callee = unwrapPath(call.get('callee') as Path);
  const name = analysis.source.slice(startOf(callee.node), endOf(callee.node)).replace(/^this\./, '').replace(/\s+/g, '');
  const value = valueOf(analysis, callee, 0);
  if (value?.kind === 'function') return { analysis: value.analysis, fn: value.fn, file: value.analysis.file, name };
  const local = analysis.localFunctionCalled(call);
  if (local) return { analysis, fn: local, file: analysis.file, name };
  // `Order.create()` on what the code shows to be a model (`module.exports = mongoose.model(...)`): Mongoose's method, no question for type facts.
  if (options.syntaxOnly || (isMember(callee.node) && MONGOOSE_KINDS.has(analysis.kindOf(callee.get('object') as Path, 0, false)))) return undefined;
  const declared = declaredCallee(analysis, call, callee);
  return declared && { ...declared, name };
}

/**
 * What `path` (an imported name, or a member of one) is defined as in the module that exports it
 * (`export const reportsDb = mongoose.createConnection(uri)`, `module.exports =
 * mongoose.model('Order', schema)`, an object, function or class), with that module's analysis;
 * undefined when the syntax cannot follow it there.
 */
export function exportedDefinition(analysis: MongooseAnalysis, path: Path): { analysis: MongooseAnalysis; path: Path } | undefined {
  const value = valueOf(analysis, path, 0);
  if (!value || value.analysis === analysis) return undefined;
  switch (value.kind) {
    case 'expression':
      return value;
    case 'object':
      return { analysis: value.analysis, path: value.object };
    case 'function':
      return { analysis: value.analysis, path: value.fn };
    case 'class':
      return { analysis: value.analysis, path: value.cls };
    case 'module': {
      const assigned = moduleExportsAssignment(value.analysis);
      return assigned ? { analysis: value.analysis, path: assigned } : undefined;
    }
    default:
      return undefined;
  }
}

/** What `expression` stands for, or undefined. */
export function valueOf(analysis: MongooseAnalysis, expression: Path, depth: number): Value | undefined {
  if (depth > MAX_DEPTH || !expression?.node) return undefined;
  const path = unwrapAwaitedPath(expression);
  const node = path.node;
  if (isFunction(node)) return { kind: 'function', analysis, fn: path };
  switch (node.type) {
    case 'Identifier':
      return identifierValue(analysis, path, depth);
    case 'ThisExpression': {
      const self = thisClass(path);
      return self && { kind: self.isStatic ? 'class' : 'instance', analysis, cls: self.cls };
    }
    case 'Super':
      return superValue(analysis, path, depth);
    case 'MemberExpression':
    case 'OptionalMemberExpression': {
      const name = propertyName(node);
      if (name === undefined) return undefined;
      return memberOf(valueOf(analysis, path.get('object') as Path, depth + 1), name, depth + 1) ?? { kind: 'expression', analysis, path };
    }
    case 'NewExpression': {
      const made = valueOf(analysis, path.get('callee') as Path, depth + 1);
      return made?.kind === 'class' ? { kind: 'instance', analysis: made.analysis, cls: made.cls } : undefined;
    }
    case 'CallExpression': {
      const specifier = requiredSpecifier(node);
      return specifier === undefined ? { kind: 'expression', analysis, path } : wholeModule(analysis, specifier, depth + 1);
    }
    case 'ObjectExpression':
      return { kind: 'object', analysis, object: path };
    case 'ClassExpression':
    case 'ClassDeclaration':
      return { kind: 'class', analysis, cls: path };
    default:
      return undefined;
  }
}

/** `super` in a method: the superclass, or an instance of it, as `this` is the class or an instance. */
function superValue(analysis: MongooseAnalysis, path: Path, depth: number): Value | undefined {
  const self = thisClass(path);
  if (!self?.cls.node.superClass) return undefined;
  const parent = valueOf(analysis, self.cls.get('superClass') as Path, depth + 1);
  if (parent?.kind !== 'class') return undefined;
  return self.isStatic ? parent : { kind: 'instance', analysis: parent.analysis, cls: parent.cls };
}

/** The member `name` of a value: a method, a property's value, an export of a module. */
export function memberOf(value: Value | undefined, name: string, depth: number): Value | undefined {
  if (!value || depth > MAX_DEPTH) return undefined;
  switch (value.kind) {
    case 'class':
      return classMember(value.analysis, value.cls, name, true, depth);
    case 'instance':
      return classMember(value.analysis, value.cls, name, false, depth);
    case 'object':
      return objectMember(value.analysis, value.object, name, depth);
    case 'module':
      return exportedValue(value.analysis, name, depth + 1);
    default:
      return undefined;
  }
}

function identifierValue(analysis: MongooseAnalysis, path: Path, depth: number): Value | undefined {
  const declaration = analysis.bindings.declarationOf(path);
  const declared = declaration && analysis.index.pathOf(declaration);
  const parent = declared?.parent as Path | null | undefined;
  if (!declaration || !declared || !parent) return undefined;
  // A parameter's parent is its function too: only the function's own name stands for it.
  if (parent.node.type === 'FunctionDeclaration' || parent.node.type === 'ClassDeclaration') {
    if (parent.node.id !== declaration) return annotatedInstance(analysis, declaration, depth);
    return parent.node.type === 'FunctionDeclaration' ? { kind: 'function', analysis, fn: parent } : { kind: 'class', analysis, cls: parent };
  }
  switch (parent.node.type) {
    case 'VariableDeclarator':
      return parent.node.id === declaration && parent.node.init ? valueOf(analysis, parent.get('init') as Path, depth + 1) : undefined;
    case 'ObjectProperty':
      return destructuredValue(analysis, parent, depth);
    case 'ImportSpecifier': {
      const imported = parent.node.imported as Node;
      return importedValue(analysis, parent, (imported.name ?? imported.value) as string, depth);
    }
    case 'ImportDefaultSpecifier':
      return importedValue(analysis, parent, 'default', depth);
    case 'ImportNamespaceSpecifier': {
      const target = analysis.links.moduleAt(sourceOf(parent));
      return target ? { kind: 'module', analysis: target } : undefined;
    }
    default:
      return annotatedInstance(analysis, declaration, depth);
  }
}

/** `const { f } = require('./x')` or `const { f } = helpers`: the member the pattern takes out. */
function destructuredValue(analysis: MongooseAnalysis, property: Path, depth: number): Value | undefined {
  const pattern = property.parent as Path | null;
  const declarator = pattern?.parent as Path | null;
  const key = property.node.key as Node;
  const name = (key.name ?? key.value) as string | undefined;
  if (pattern?.node.type !== 'ObjectPattern' || declarator?.node.type !== 'VariableDeclarator' || declarator.node.id !== pattern.node || property.node.computed || !name) return undefined;
  if (!declarator.node.init) return undefined;
  return memberOf(valueOf(analysis, declarator.get('init') as Path, depth + 1), name, depth + 1);
}

function importedValue(analysis: MongooseAnalysis, specifier: Path, name: string, depth: number): Value | undefined {
  const declaration = specifier.parent as Path | null;
  if (!declaration || declaration.node.importKind === 'type' || specifier.node.importKind === 'type') return undefined;
  const target = analysis.links.moduleAt(sourceOf(specifier));
  return target ? exportedValue(target, name, depth + 1) : undefined;
}

function sourceOf(specifier: Path): string {
  return ((specifier.parent as Path).node.source as Node).value as string;
}

/** A parameter or variable annotated with a class (`service: TransactionService`): an instance of it. */
function annotatedInstance(analysis: MongooseAnalysis, declaration: Node, depth: number): Value | undefined {
  const typed = classOfAnnotation(analysis, declaration, depth);
  return typed ? { kind: 'instance', analysis: typed.analysis, cls: typed.cls } : undefined;
}

function classOfAnnotation(analysis: MongooseAnalysis, holder: Node, depth: number): { analysis: MongooseAnalysis; cls: Path } | undefined {
  const annotation = (holder.typeAnnotation as Node | undefined)?.typeAnnotation as Node | undefined;
  const typeName = annotation?.type === 'TSTypeReference' ? (annotation.typeName as Node) : undefined;
  const typePath = typeName && isIdentifier(typeName) ? analysis.index.pathOf(typeName) : undefined;
  const value = typePath ? valueOf(analysis, typePath, depth + 1) : undefined;
  return value?.kind === 'class' ? value : undefined;
}

/** What `require(specifier)` gives: the value of `module.exports = X`, or the module's exports. */
function wholeModule(analysis: MongooseAnalysis, specifier: string, depth: number): Value | undefined {
  const target = analysis.links.moduleAt(specifier);
  if (!target) return undefined;
  const assigned = moduleExportsAssignment(target);
  const value = assigned && valueOf(target, assigned, depth + 1);
  // `module.exports = X` with X something the syntax does not follow: its members are looked up as exports.
  return value && value.kind !== 'expression' ? value : { kind: 'module', analysis: target };
}

/** The right-hand side of a top-level `module.exports = X`. */
function moduleExportsAssignment(analysis: MongooseAnalysis): Path | undefined {
  let found: Path | undefined;
  for (const statement of topLevel(analysis)) {
    const expression = statement.node.expression as Node | undefined;
    if (statement.node.type === 'ExpressionStatement' && expression?.type === 'AssignmentExpression' && isWholeExports(expression.left as Node)) {
      found = statement.get('expression', 'right') as Path;
    }
  }
  return found;
}

function topLevel(analysis: MongooseAnalysis): Path[] {
  const program = programOf(analysis);
  return (program.node.body as Node[]).map((_, i) => program.get('body', i) as Path);
}

/** The file's Program. */
export function programOf(analysis: MongooseAnalysis): Path {
  const root = analysis.root.get() as Path;
  return (root.node.type === 'File' ? root.get('program') : root) as Path;
}

/** What a module exports under `name` (`default` for the default export). */
export function exportedValue(analysis: MongooseAnalysis, name: string, depth: number): Value | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const lead of exportLeads(programOf(analysis), name)) {
    const found = leadValue(analysis, lead, name, depth);
    if (found) return found;
  }
  return undefined;
}

function leadValue(analysis: MongooseAnalysis, lead: ExportLead, name: string, depth: number): Value | undefined {
  switch (lead.kind) {
    case 'value':
      return valueOf(analysis, lead.path, depth + 1);
    case 'member':
      return memberOf(valueOf(analysis, lead.object, depth + 1), name, depth + 1);
    case 'from': {
      const target = analysis.links.moduleAt(lead.specifier);
      return target ? exportedValue(target, lead.name, depth + 1) : undefined;
    }
  }
}

function objectMember(analysis: MongooseAnalysis, object: Path, name: string, depth: number): Value | undefined {
  const properties = object.node.properties as Node[];
  for (let i = properties.length - 1; i >= 0; i--) {
    const property = properties[i]!;
    if (property.computed) continue;
    const key = property.key as Node | undefined;
    if (!key || (key.name ?? key.value) !== name) continue;
    if (property.type === 'ObjectMethod') return { kind: 'function', analysis, fn: object.get('properties', i) as Path };
    if (property.type === 'ObjectProperty') return valueOf(analysis, object.get('properties', i, 'value') as Path, depth + 1);
  }
  return undefined;
}

/**
 * A method of the class (static or not), a property's value or annotated class, or a NestJS
 * constructor property (`constructor(private readonly tx: TransactionService)`); then the superclass.
 */
function classMember(analysis: MongooseAnalysis, cls: Path, name: string, isStatic: boolean, depth: number): Value | undefined {
  const body = cls.get('body') as Path;
  const members = body.node.body as Node[];
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    const key = member.key as Node | undefined;
    const named = key && !member.computed && isIdentifier(key, name);
    if (member.type === 'ClassMethod' && member.kind === 'constructor' && !isStatic) {
      const params = member.params as Node[];
      for (const param of params) {
        if (param.type === 'TSParameterProperty' && isIdentifier(param.parameter as Node, name)) return annotatedInstance(analysis, param.parameter as Node, depth);
      }
      continue;
    }
    if (!named || Boolean(member.static) !== isStatic) continue;
    if (member.type === 'ClassMethod' && member.kind === 'method') return { kind: 'function', analysis, fn: body.get('body', i) as Path };
    if (member.type === 'ClassProperty') {
      if (member.value) return valueOf(analysis, body.get('body', i, 'value') as Path, depth + 1);
      return annotatedInstance(analysis, member, depth) ?? constructorAssigned(analysis, cls, name, depth);
    }
  }
  const assigned = isStatic ? undefined : constructorAssigned(analysis, cls, name, depth);
  if (assigned) return assigned;
  if (cls.node.superClass) {
    const parent = valueOf(analysis, cls.get('superClass') as Path, depth + 1);
    if (parent?.kind === 'class') return classMember(parent.analysis, parent.cls, name, isStatic, depth + 1);
  }
  return undefined;
}

/**
 * `constructor() { this.repo = new WalletRepo(); }` (JavaScript declares no property): the value
 * the constructor gives the property, where that is the class's only assignment to it.
 */
function constructorAssigned(analysis: MongooseAnalysis, cls: Path, name: string, depth: number): Value | undefined {
  const assignments = analysis.index.within(cls.node, 'AssignmentExpression').filter((a) => {
    const left = a.node.left as Node;
    return isMember(left) && (left.object as Node).type === 'ThisExpression' && propertyName(left) === name && enclosingClass(a)?.node === cls.node;
  });
  const only = assignments.length === 1 ? assignments[0]! : undefined;
  const method = only && enclosingFunction(only);
  if (!only || only.node.operator !== '=' || method?.node.type !== 'ClassMethod' || method.node.kind !== 'constructor') return undefined;
  return valueOf(analysis, only.get('right') as Path, depth + 1);
}
