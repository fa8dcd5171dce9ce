import * as path from 'node:path';
import { Bindings } from '../ast/bindings';
import { enclosingClass, propertyAnnotation } from '../ast/classes';
import { exportLeads, exportName, requiredSpecifier, type ExportLead } from '../ast/modules';
import { isFunction, isIdentifier, isMember, propertyName, unwrapExpression, unwrapPath, type Node, type Path } from '../ast/nodes';
import { PathIndex } from '../ast/path-index';
import { FileCache } from './file-cache';
import { parseFile } from './parse';
import { TypeFactsAround, type ThenableFact, type TypeDependencies, type TypeFacts } from './type-facts';

/** Where a module specifier of a file leads, among the project's files (undefined: a package, or not a project file). */
export type ModuleResolution = (from: string, specifier: string) => string | undefined;

interface Module {
  file: string;
  index: PathIndex;
  bindings: Bindings;
  program: Path;
}

/** A function the syntax says a call reaches, in the module that declares it. */
interface Declared {
  fn: Node;
  module: Module;
}

/** Files read to answer a file's questions are parsed once per run, up to this many at a time. */
const CAPACITY = 32;

/**
 * Answers from declarations before types: a call whose callee the syntax binds to a function of
 * the project (in the file, a method of the enclosing class, through an import or `require` of
 * a project file, or a method of a project class or interface a receiver is annotated with) is a
 * thenable when that function is `async` or declares a Promise return type, and is not one when it
 * declares `void` or a plain type, or returns no value. These are the answers TypeScript gives,
 * without building a program: it is asked (through `inner`) only where the declarations cannot
 * tell, and a project without Mongoose's declarations, where no program is built, still gets
 * them. A call through a value the syntax cannot follow goes to `inner`.
 */
export class DeclaredTypeFacts extends TypeFactsAround {
  private last: { file: string; source: string; module: Module } | undefined;
  private readonly modules = new FileCache(CAPACITY, parseModule);
  /** Other files each file's answers read. */
  private readonly read = new Map<string, Set<string>>();

  constructor(
    inner: TypeFacts,
    private readonly resolve: ModuleResolution,
  ) {
    super(inner);
  }

  thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined {
    const module = this.moduleOf(file, source);
    const call = module?.index.calls().find((p) => p.node.start === start && p.node.end === end);
    const declared = call && this.calleeOf(module!, call);
    const thenable = declared && returnsThenable(declared.fn);
    if (declared && thenable !== undefined) {
      if (declared.module.file !== file) this.readFile(file, declared.module.file);
      const declaredAt = declaredAtOf(declared);
      return declaredAt ? { thenable, origin: 'project', declaredAt } : { thenable, origin: 'project' };
    }
    return this.inner.thenableAt(file, source, start, end);
  }

  override dependenciesOf(file: string): TypeDependencies {
    const inner = super.dependenciesOf(file);
    const files = new Set([...inner.files, ...(this.read.get(file) ?? [])]);
    return { files: [...files].sort(), packages: inner.packages };
  }

  private readFile(asking: string, other: string): void {
    let files = this.read.get(asking);
    if (!files) this.read.set(asking, (files = new Set()));
    files.add(other);
  }

  /** The function a call reaches, as far as the syntax says. */
  private calleeOf(module: Module, call: Path): Declared | undefined {
    const calleePath = unwrapPath(call.get('callee') as Path);
    const callee = calleePath.node;
    if (isIdentifier(callee)) return this.boundFunction(module, calleePath, 0);
    if (!isMember(callee) || callee.computed) return undefined;
    const method = propertyName(callee);
    if (method === undefined) return undefined;
    const object = unwrapPath(calleePath.get('object') as Path);
    if (object.node.type === 'ThisExpression') {
      const owner = enclosingClass(object);
      return owner ? memberOf(module, owner, method) : undefined;
    }
    if (isIdentifier(object.node)) {
      const namespace = this.moduleBinding(module, object);
      if (namespace) return this.exportOf(namespace, method, 0);
      const type = annotationOf(module, object);
      return type ? this.typeMember(module, type, method) : undefined;
    }
    // `this.orders.place(...)`: a class property (or constructor property) annotated with a project class.
    if (isMember(object.node) && (object.node.object as Node).type === 'ThisExpression') {
      const owner = enclosingClass(object);
      const property = propertyName(object.node);
      const type = owner && property !== undefined ? propertyAnnotation(owner.node, property) : undefined;
      return type ? this.typeMember(module, type, method) : undefined;
    }
    return undefined;
  }

  /** What an identifier is bound to: a function of this module, or a function another project module exports. */
  private boundFunction(module: Module, identifier: Path, depth: number): Declared | undefined {
    const declaration = module.bindings.declarationOf(identifier);
    if (!declaration) return undefined;
    const holder = declarationHolder(module, declaration);
    if (!holder) return undefined;
    if (isFunction(holder.node)) return { fn: holder.node, module };
    if (holder.node.type === 'VariableDeclarator') {
      const init = holder.node.init as Node | null;
      if (init && isFunction(unwrapExpression(init)) && holder.node.id === declaration) return { fn: unwrapExpression(init), module };
      const required = init ? requiredSpecifier(unwrapExpression(init)) : undefined;
      if (required !== undefined && (holder.node.id as Node).type === 'ObjectPattern') {
        const key = destructuredKey(holder.node.id as Node, declaration);
        const target = key === undefined ? undefined : this.moduleAt(module.file, required);
        return target && this.exportOf(target, key!, depth + 1);
      }
      return undefined;
    }
    if (holder.node.type === 'ImportSpecifier' || holder.node.type === 'ImportDefaultSpecifier') {
      const target = this.moduleAt(module.file, (holder.parent!.node.source as Node).value as string);
      const name = holder.node.type === 'ImportDefaultSpecifier' ? 'default' : exportName(holder.node.imported as Node);
      return target && name !== undefined ? this.exportOf(target, name, depth + 1) : undefined;
    }
    return undefined;
  }

  /** `import * as m`, `import m from` (a CommonJS module) or `const m = require(...)` of a project file: that module. */
  private moduleBinding(module: Module, identifier: Path): Module | undefined {
    const declaration = module.bindings.declarationOf(identifier);
    const holder = declaration && declarationHolder(module, declaration);
    if (!holder) return undefined;
    if (holder.node.type === 'ImportNamespaceSpecifier' || holder.node.type === 'ImportDefaultSpecifier') {
      const target = this.moduleAt(module.file, (holder.parent!.node.source as Node).value as string);
      // A default import is the module object only where the module has no default export.
      if (!target || (holder.node.type === 'ImportDefaultSpecifier' && hasDefaultExport(target))) return undefined;
      return target;
    }
    if (holder.node.type === 'VariableDeclarator' && holder.node.id === declaration) {
      const required = holder.node.init ? requiredSpecifier(unwrapExpression(holder.node.init as Node)) : undefined;
      return required === undefined ? undefined : this.moduleAt(module.file, required);
    }
    return undefined;
  }

  /** The function `module` exports as `name` ('default' for its default export). */
  private exportOf(module: Module, name: string, depth: number): Declared | undefined {
    if (depth > 4) return undefined;
    for (const lead of exportLeads(module.program, name)) {
      const found = this.leadFunction(module, lead, name, depth);
      if (found) return found;
    }
    return undefined;
  }

  private leadFunction(module: Module, lead: ExportLead, name: string, depth: number): Declared | undefined {
    switch (lead.kind) {
      case 'value':
        return this.heldFunction(module, lead.path.node, depth);
      case 'member': {
        const object = unwrapExpression(lead.object.node);
        const property = object.type === 'ObjectExpression' ? (object.properties as Node[]).find((p) => !p.computed && exportName(p.key as Node) === name) : undefined;
        if (property?.type === 'ObjectMethod') return { fn: property, module };
        return property?.type === 'ObjectProperty' ? this.heldFunction(module, property.value as Node, depth) : undefined;
      }
      case 'from': {
        const target = this.moduleAt(module.file, lead.specifier);
        return target && this.exportOf(target, lead.name, depth + 1);
      }
    }
  }

  /** A function written in place, or the module-level name of one. */
  private heldFunction(module: Module, node: Node, depth: number): Declared | undefined {
    const value = unwrapExpression(node);
    if (isFunction(value)) return { fn: value, module };
    return isIdentifier(value) ? this.localValue(module, value.name, depth) : undefined;
  }

  /** A module-level name of `module`, followed to the function it holds. */
  private localValue(module: Module, name: string, depth: number): Declared | undefined {
    const declaring = module.index.named(name).find((p) => module.bindings.declarationOf(p) === p.node && atModuleLevel(p));
    return declaring ? this.boundFunction(module, declaring, depth + 1) : undefined;
  }

  /** The method `method` of a project class or interface that `type` (a type annotation) names. */
  private typeMember(module: Module, type: Node, method: string): Declared | undefined {
    if (type.type !== 'TSTypeReference' || !isIdentifier(type.typeName as Node)) return undefined;
    const name = (type.typeName as Node).name as string;
    const local = module.index.of('ClassDeclaration', 'TSInterfaceDeclaration').find((p) => exportName(p.node.id as Node) === name);
    if (local) return memberOf(module, local, method);
    const imported = module.index.of('ImportSpecifier').find((p) => exportName(p.node.local as Node) === name);
    if (!imported) return undefined;
    const target = this.moduleAt(module.file, (imported.parent!.node.source as Node).value as string);
    const exported = target && exportName(imported.node.imported as Node);
    const declaration = exported === undefined ? undefined : target!.index.of('ClassDeclaration', 'TSInterfaceDeclaration').find((p) => exportName(p.node.id as Node) === exported && isExportedDeclaration(p));
    return declaration ? memberOf(target!, declaration, method) : undefined;
  }

  private moduleAt(from: string, specifier: string): Module | undefined {
    const file = this.resolve(from, specifier);
    return file === undefined ? undefined : this.moduleOf(file);
  }

  /** A file parsed and indexed: `source` when given (the text transforms see), else as on disk. */
  private moduleOf(file: string, source?: string): Module | undefined {
    if (source !== undefined) {
      if (this.last?.file === file && this.last.source === source) return this.last.module;
      const module = parseModule(file, source);
      if (module) this.last = { file, source, module };
      return module;
    }
    return this.modules.get(file);
  }
}

/**
 * Where a function with a body is named, as the type checker says it (ThenableFact.declaredAt):
 * its own name (a function, a method), else the variable, property or class field that holds it,
 * else the function itself.
 */
function declaredAtOf({ fn, module }: Declared): { file: string; start: number } | undefined {
  if (!fn.body) return undefined;
  const own = (fn.id ?? fn.key) as Node | null | undefined;
  const holder = module.index.functions().find((p) => p.node === fn)?.parent?.node as Node | undefined;
  const held = holder && /^(VariableDeclarator|ObjectProperty|ClassProperty|ClassPrivateProperty)$/.test(holder.type) ? ((holder.id ?? holder.key) as Node) : undefined;
  const name = own ?? held ?? fn;
  return { file: path.resolve(module.file), start: name.start ?? 0 };
}

function parseModule(file: string, text: string): Module | undefined {
  try {
    const parsed = parseFile(file, text);
    const index = new PathIndex(parsed.j, parsed.root);
    return { file, index, bindings: new Bindings(index), program: index.of('Program')[0]! };
  } catch {
    return undefined;
  }
}

/**
 * Whether a function returns a thenable, from its declaration alone: `async` (not a generator),
 * a declared Promise or PromiseLike, a declared type that is not one, or a body without a
 * `return` of a value. Undefined where only inference could tell.
 */
function returnsThenable(fn: Node): boolean | undefined {
  if (fn.generator) return undefined;
  if (fn.async) return true;
  // Babel puts a method signature's return type in `typeAnnotation`, every other one in `returnType`.
  const annotation = (fn.type === 'TSMethodSignature' ? fn.typeAnnotation : fn.returnType) as Node | undefined;
  const declared = annotation?.typeAnnotation as Node | undefined;
  if (declared) return declaredThenable(declared);
  if (fn.type === 'TSMethodSignature' || fn.type === 'TSDeclareMethod' || fn.type === 'TSDeclareFunction') return undefined;
  const body = fn.body as Node | undefined;
  if (!body || body.type !== 'BlockStatement') return undefined;
  const values = returnedValues(body);
  return values.every(isPlainValue) ? false : undefined;
}

const PLAIN_VALUES = new Set(['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'BigIntLiteral', 'TemplateLiteral', 'ArrayExpression']);

/** A value that is never a thenable: a literal, a template, an array, a negation. */
function isPlainValue(node: Node): boolean {
  const value = unwrapExpression(node);
  if (PLAIN_VALUES.has(value.type)) return true;
  return value.type === 'UnaryExpression' && (value.operator === '!' || value.operator === 'typeof');
}

const NOT_THENABLE_TYPES = new Set(['TSVoidKeyword', 'TSStringKeyword', 'TSNumberKeyword', 'TSBooleanKeyword', 'TSUndefinedKeyword', 'TSNullKeyword', 'TSNeverKeyword', 'TSBigIntKeyword', 'TSSymbolKeyword', 'TSLiteralType', 'TSArrayType', 'TSTupleType']);

function declaredThenable(type: Node): boolean | undefined {
  if (NOT_THENABLE_TYPES.has(type.type)) return false;
  if (type.type === 'TSTypeReference' && isIdentifier(type.typeName as Node)) {
    const name = (type.typeName as Node).name as string;
    if (name === 'Promise' || name === 'PromiseLike') return true;
  }
  if (type.type === 'TSUnionType') {
    const members = (type.types as Node[]).map(declaredThenable);
    if (members.includes(true)) return true;
    return members.every((m) => m === false) ? false : undefined;
  }
  return undefined;
}

/** The values the function's own `return` statements give (not those of functions nested in it). */
function returnedValues(body: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'ReturnStatement') {
      if (node.argument) found.push(node.argument as Node);
      return;
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'comments' || key === 'leadingComments' || key === 'trailingComments') continue;
      const value = node[key] as unknown;
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof (child as Node).type === 'string' && !isFunction(child as Node) && (child as Node).type !== 'ClassBody') visit(child as Node);
      }
    }
  };
  visit(body);
  return found;
}

/** The method (or function-valued property) `name` declared in a class or interface. */
function memberOf(module: Module, owner: Path, name: string): Declared | undefined {
  const body = owner.node.body as Node;
  for (const member of body.body as Node[]) {
    if (member.computed || exportName(member.key as Node) !== name || member.static) continue;
    if (member.type === 'ClassMethod' || member.type === 'TSDeclareMethod' || member.type === 'TSMethodSignature') return member.kind === 'get' || member.kind === 'set' ? undefined : { fn: member, module };
    if (member.type === 'ClassProperty' && member.value && isFunction(unwrapExpression(member.value as Node))) return { fn: unwrapExpression(member.value as Node), module };
  }
  return undefined;
}

function atModuleLevel(path: Path): boolean {
  for (let current = path.parent as Path | null; current; current = current.parent as Path | null) {
    if (current.node.id === path.node) continue;
    if (isFunction(current.node) || current.node.type === 'ClassBody' || current.node.type === 'BlockStatement') return false;
  }
  return true;
}

/** The type annotation of the parameter or variable an identifier is bound to. */
function annotationOf(module: Module, identifier: Path): Node | undefined {
  const declaration = module.bindings.declarationOf(identifier);
  return (declaration?.typeAnnotation as Node | undefined)?.typeAnnotation as Node | undefined;
}

/** The node that declares a binding: its function, variable declarator or import specifier. */
function declarationHolder(module: Module, declaration: Node): Path | undefined {
  const path = module.index.named(declaration.name as string).find((p) => p.node === declaration);
  const parent = path?.parent as Path | undefined;
  if (!parent) return undefined;
  if (parent.node.type === 'FunctionDeclaration' && parent.node.id === declaration) return parent;
  if (parent.node.type === 'VariableDeclarator' && parent.node.id === declaration) return parent;
  if (/^Import(Default|Namespace)?Specifier$/.test(parent.node.type) && parent.node.local === declaration) return parent;
  // `const { helper } = require(...)`: the pattern's declarator.
  for (let current: Path | null = parent; current; current = current.parent as Path | null) {
    if (current.node.type === 'VariableDeclarator') return current;
    if (!/^(ObjectPattern|ObjectProperty|AssignmentPattern|RestElement)$/.test(current.node.type)) return undefined;
  }
  return undefined;
}

function destructuredKey(pattern: Node, declaration: Node): string | undefined {
  for (const prop of pattern.properties as Node[]) {
    if (prop.type === 'ObjectProperty' && !prop.computed && prop.value === declaration) return exportName(prop.key as Node);
  }
  return undefined;
}

function hasDefaultExport(module: Module): boolean {
  return (module.program.node.body as Node[]).some((s) => s.type === 'ExportDefaultDeclaration' || (s.type === 'ExportNamedDeclaration' && ((s.specifiers as Node[] | undefined) ?? []).some((sp) => exportName(sp.exported as Node) === 'default')));
}

function isExportedDeclaration(declaration: Path): boolean {
  const parent = declaration.parent?.node as Node | undefined;
  return parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration';
}
