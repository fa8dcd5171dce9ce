import * as path from 'node:path';
import { isCall, isIdentifier, isMember, propertyName, some, startOf, type Node, type Path } from '../ast/nodes';
import { isReference } from '../ast/bindings';
import { moduleName } from '../facts/text-index';
import type { TransformContext } from '../transform';
import { MongooseAnalysis } from './analysis';

/** One place a helper function is called from. */
export interface CallSite {
  file: string;
  analysis: MongooseAnalysis;
  call: Path;
}

/** The calls found; `incomplete` says why some callers may be missing (undefined: the list is complete). */
export interface CallSiteSearch {
  sites: CallSite[];
  incomplete?: string;
}

/** The name a helper is called by, and whether code outside the file can reach it. */
interface HelperIdentity {
  name: string;
  /** The identifier that declares the name (function name, variable, method key). */
  nameNode: Node;
  /** The declaration to resolve same-file calls against; undefined for class methods. */
  declaration: Node | undefined;
  isMethod: boolean;
  exported: boolean;
  /** Exported as the module itself (`export default`, `module.exports = fn`): importers may rename it. */
  defaultExport: boolean;
}

/** Gathers call sites, once each, and remembers the first reason the list may be incomplete. */
class SiteCollector implements CallSiteSearch {
  readonly sites: CallSite[] = [];
  incomplete: string | undefined;

  add(site: CallSite): void {
    if (!this.sites.some((s) => s.call.node === site.call.node)) this.sites.push(site);
  }

  miss(reason: string): void {
    this.incomplete ??= reason;
  }
}

/**
 * Finds the calls of a helper function: in its own file syntactically, and through ts-morph's
 * references when it is exported and other files mention it. Whatever cannot be followed (a use
 * that is not a plain call, callers elsewhere without type facts) makes the search incomplete.
 */
export class CallSiteFinder {
  constructor(
    private readonly ctx: TransformContext,
    private readonly analysis: MongooseAnalysis,
  ) {}

  find(fn: Path): CallSiteSearch {
    const found = new SiteCollector();
    const identity = helperIdentity(fn);
    if (!identity) {
      found.miss('it is not a named function, so its callers cannot be listed');
      return found;
    }
    const self = path.resolve(this.ctx.file);
    const mentionedElsewhere = this.namesOf(identity).some((word) => this.ctx.project.filesMentioning(word).some((f) => path.resolve(f) !== self));
    if (identity.exported && mentionedElsewhere) this.findAcrossFiles(identity, found);
    else this.findInFile(fn, identity, found);
    return found;
  }

  /** A function only this file can call: named, not exported, not a method. */
  privateToFile(fn: Path): boolean {
    const identity = helperIdentity(fn);
    return identity !== undefined && !identity.exported && !identity.isMethod;
  }

  /**
   * A text test before any search: can a file that names the helper (or its module) contain one
   * of `markers` at all? When none can, no caller there does what the markers stand for.
   */
  mayBeCalledWith(fn: Path, markers: string[]): boolean {
    const identity = helperIdentity(fn);
    return identity === undefined || this.filesNamingWith(identity, markers).length > 0;
  }

  /**
   * A syntactic check before type facts: in the files that name the helper and hold a marker, is
   * there a call by that name (or of a default export under any name) for which `accept` holds?
   * Type facts only confirm such calls; when there is none, no caller can satisfy `accept`.
   */
  hasCallByName(fn: Path, markers: string[], accept: (analysis: MongooseAnalysis, call: Path) => boolean): boolean {
    const identity = helperIdentity(fn);
    if (!identity) return true;
    for (const file of this.filesNamingWith(identity, markers)) {
      const analysis = this.analysisOf(file);
      if (!analysis) return true;
      for (const call of analysis.index.calls()) {
        const callee = call.node.callee as Node;
        const name = isIdentifier(callee) ? callee.name : isMember(callee) ? propertyName(callee) : undefined;
        const byName = name === identity.name || (identity.defaultExport && isIdentifier(callee));
        if (byName && accept(analysis, call)) return true;
      }
    }
    return false;
  }

  /** Files (this one included) that name the helper and contain one of `markers`. */
  private filesNamingWith(identity: HelperIdentity, markers: string[]): string[] {
    const project = this.ctx.project;
    const self = path.resolve(this.ctx.file);
    const names = this.namesOf(identity);
    // Few files hold a marker: look for the names only in those.
    const others = project.filesContainingAny(markers).filter((f) => path.resolve(f) !== self && names.some((w) => project.fileMentions(f, w)));
    return markers.some((m) => this.ctx.source.includes(m)) ? [self, ...others] : others;
  }

  /** Other files reach a helper by its name, or (a default export, which importers may rename) its module's. */
  private namesOf(identity: HelperIdentity): string[] {
    return identity.defaultExport ? [identity.name, moduleName(this.ctx.file)] : [identity.name];
  }

  /** The analysis of this file, or of another one as it is on disk (undefined if unreadable). */
  analysisOf(file: string): MongooseAnalysis | undefined {
    return path.resolve(file) === path.resolve(this.ctx.file) ? this.analysis : this.ctx.project.analysisOf(path.resolve(file));
  }

  private findInFile(fn: Path, identity: HelperIdentity, found: SiteCollector): void {
    if (identity.isMethod) {
      const classBody = fn.parent as Path;
      for (const call of this.analysis.index.calls()) {
        const callee = call.node.callee as Node;
        if (!isMember(callee) || propertyName(callee) !== identity.name) continue;
        const insideClass = startOf(classBody.node) <= startOf(call.node) && startOf(call.node) <= (classBody.node.end ?? 0);
        if (callee.object.type === 'ThisExpression' && insideClass) found.add({ file: this.ctx.file, analysis: this.analysis, call });
        else found.miss(`${identity.name}() is also called on other objects, which cannot be checked without type facts`);
      }
      return;
    }
    if (!identity.declaration) {
      // Exported as a property (`exports.name = function`): in its own file it is reached as `exports.name(...)`.
      for (const call of this.analysis.index.calls()) {
        const callee = call.node.callee as Node;
        if (isMember(callee) && propertyName(callee) === identity.name && isExportsTarget(callee.object)) found.add({ file: this.ctx.file, analysis: this.analysis, call });
      }
      return;
    }
    const rootPath = this.analysis.root.get() as Path;
    for (const ref of this.analysis.bindings.referencesIn(rootPath, identity.declaration)) {
      if (isImportOrExportName(ref)) continue;
      const call = ref.parent as Path | null;
      if (call && isCall(call.node) && call.node.callee === ref.node) found.add({ file: this.ctx.file, analysis: this.analysis, call });
      else found.miss(`${identity.name} is used as a value, so not all of its callers can be found`);
    }
  }

  private findAcrossFiles(identity: HelperIdentity, found: SiteCollector): void {
    const noFacts = `${identity.name} is exported and its callers in other files could not be listed (no type facts)`;
    const references = this.ctx.types.referencesTo(this.ctx.file, this.ctx.source, startOf(identity.nameNode));
    if (!references) {
      found.miss(noFacts);
      return;
    }
    const seen = new Set<string>();
    for (const reference of references) {
      const key = `${reference.file}:${reference.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const analysis = this.analysisOf(reference.file);
      if (!analysis) {
        found.miss(`${identity.name} is used in ${reference.file}, which could not be read`);
        continue;
      }
      const identifier = identifierAt(analysis, reference.start);
      if (!identifier || identifier.node === identity.nameNode) continue;
      if (isCommonJsExport(identifier)) {
        // TypeScript does not follow `module.exports = { helper }` to the files that require it.
        this.findThroughRequires(reference.file, analysis.source, identity.name, found, noFacts);
        continue;
      }
      const local = localBindingOf(analysis, identifier);
      if (!local && isImportOrExportName(identifier)) continue;
      const uses = local ? analysis.bindings.referencesIn(analysis.root.get() as Path, local).filter((r) => !isImportOrExportName(r)) : [identifier];
      for (const use of uses) {
        const call = callOfCallee(use);
        if (call) found.add({ file: reference.file, analysis, call });
        else found.miss(`${identity.name} is used as a value in ${relative(this.ctx.file, reference.file)}, so not all of its callers can be found`);
      }
    }
  }

  /** Call sites in every file that requires `file`. */
  private findThroughRequires(file: string, source: string, name: string, found: SiteCollector, noFacts: string): void {
    const importers = this.ctx.types.importersOf(file, source);
    if (!importers) {
      found.miss(noFacts);
      return;
    }
    for (const importer of importers) sitesOfRequire(this, importer, name, found);
  }
}

/** `require('./x')` of `file` elsewhere: `const { name } = require(...)` or `const x = require(...); x.name(...)`. */
function sitesOfRequire(finder: CallSiteFinder, importer: { file: string; start: number }, name: string, found: SiteCollector): void {
  const analysis = finder.analysisOf(importer.file);
  if (!analysis) {
    found.miss(`${importer.file} could not be read`);
    return;
  }
  const literal = analysis.index.of('StringLiteral').find((p) => p.node.start === importer.start);
  const call = literal?.parent as Path | undefined;
  const declarator = call?.parent as Path | undefined;
  const id = declarator?.node.type === 'VariableDeclarator' && declarator.node.init === call!.node ? (declarator.node.id as Node) : undefined;
  if (!id) return;
  const rootPath = analysis.root.get() as Path;
  const uses: Path[] = [];
  if (id.type === 'ObjectPattern') {
    for (const prop of id.properties as Node[]) {
      const key = prop.key as Node | undefined;
      if (prop.type === 'ObjectProperty' && key && (key.name ?? key.value) === name && isIdentifier(prop.value as Node)) {
        uses.push(...analysis.bindings.referencesIn(rootPath, prop.value as Node));
      }
    }
  } else if (isIdentifier(id)) {
    for (const ref of analysis.bindings.referencesIn(rootPath, id)) {
      const member = ref.parent as Path;
      if (isMember(member.node) && member.node.object === ref.node && propertyName(member.node) === name) uses.push(member.get('property') as Path);
    }
  }
  for (const use of uses) {
    const site = callOfCallee(use);
    if (site) found.add({ file: importer.file, analysis, call: site });
    else found.miss(`${name} is used as a value in ${importer.file}, so not all of its callers can be found`);
  }
}

/**
 * The local variable an import or `require` destructuring binds the helper to in another file
 * (its uses are found syntactically there); undefined for plain uses.
 */
function localBindingOf(analysis: MongooseAnalysis, identifier: Path): Node | undefined {
  const parent = identifier.parent?.node as Node | undefined;
  if (parent && /^Import(Default|Namespace)?Specifier$/.test(parent.type)) return parent.local as Node;
  return analysis.bindings.declarationOf(identifier) === identifier.node ? identifier.node : undefined;
}

function relative(from: string, to: string): string {
  return path.relative(path.dirname(from), to).split(path.sep).join('/') || path.basename(to);
}

/** `line 12` for a call in `file` itself, else `other.js:12` relative to `file`'s folder. */
export function describeSite(file: string, site: CallSite): string {
  const line = (site.call.node.loc as { start: { line: number } } | undefined)?.start.line ?? 0;
  return site.file === file ? `line ${line}` : `${relative(file, site.file)}:${line}`;
}

function helperIdentity(fn: Path): HelperIdentity | undefined {
  const node = fn.node;
  const parent = fn.parent as Path | null;
  if (node.type === 'FunctionDeclaration' && node.id) {
    const id = node.id as Node;
    const name = id.name as string;
    const defaultExport = parent?.node.type === 'ExportDefaultDeclaration' || isDefaultExportedByName(fn, name);
    return { name, nameNode: id, declaration: id, isMethod: false, exported: defaultExport || isExportedStatement(parent) || isExportedByName(fn, name), defaultExport };
  }
  if (parent?.node.type === 'VariableDeclarator' && isIdentifier(parent.node.id as Node)) {
    const id = parent.node.id as Node;
    const name = id.name as string;
    const defaultExport = isDefaultExportedByName(fn, name);
    return { name, nameNode: id, declaration: id, isMethod: false, exported: defaultExport || isExportedStatement(parent.parent as Path) || isExportedByName(fn, name), defaultExport };
  }
  // `exports.name = function`, `module.exports.name = async (s) => {}`.
  if (parent?.node.type === 'AssignmentExpression' && parent.node.right === node && isMember(parent.node.left as Node)) {
    const left = parent.node.left as Node & { object: Node; property: Node };
    const name = propertyName(left);
    if (name && isExportsTarget(left.object)) return { name, nameNode: left.property, declaration: undefined, isMethod: false, exported: true, defaultExport: false };
  }
  // `module.exports = { name(s) {...} }` or `{ name: function (s) {...} }`.
  const property = node.type === 'ObjectMethod' ? node : parent?.node.type === 'ObjectProperty' && parent.node.value === node ? parent.node : undefined;
  const object = property ? ((node.type === 'ObjectMethod' ? parent : parent?.parent) as Path | null | undefined) : undefined;
  const assignment = object?.parent?.node as Node | undefined;
  if (property && !property.computed && isIdentifier(property.key as Node) && assignment?.type === 'AssignmentExpression' && assignment.right === object!.node && isExportsTarget(assignment.left as Node)) {
    const key = property.key as Node;
    return { name: key.name as string, nameNode: key, declaration: undefined, isMethod: false, exported: true, defaultExport: false };
  }
  if ((node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') && !node.computed && isIdentifier(node.key as Node)) {
    const key = node.key as Node;
    const classPath = parent?.parent as Path | null;
    const className = (classPath?.node.id as Node | undefined)?.name as string | undefined;
    const exported = node.type === 'ClassMethod' && (isExportedStatement(classPath?.parent as Path | null) || (className !== undefined && isExportedByName(fn, className)));
    return { name: key.name as string, nameNode: key, declaration: undefined, isMethod: true, exported, defaultExport: false };
  }
  return undefined;
}

function isExportedStatement(statement: Path | null | undefined): boolean {
  const parent = statement?.parent?.node as Node | undefined;
  const own = statement?.node as Node | undefined;
  return own?.type === 'ExportNamedDeclaration' || own?.type === 'ExportDefaultDeclaration' || parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration';
}

/** `export { name }`, `module.exports = { name }`, `exports.name = name`, `module.exports = name`. */
function isExportedByName(fn: Path, name: string): boolean {
  let program: Path = fn;
  while (program.parent) program = program.parent as Path;
  return some(program.node, (node) => {
    if (node.type === 'ExportSpecifier') return isIdentifier(node.local as Node, name);
    if (node.type !== 'AssignmentExpression' || !isExportsTarget(node.left as Node)) return false;
    const right = node.right as Node;
    if (isIdentifier(right, name)) return true;
    return right.type === 'ObjectExpression' && (right.properties as Node[]).some((p) => p.type === 'ObjectProperty' && isIdentifier(p.value as Node, name));
  });
}

/** `export default name` or `module.exports = name`. */
function isDefaultExportedByName(fn: Path, name: string): boolean {
  let program: Path = fn;
  while (program.parent) program = program.parent as Path;
  return some(program.node, (node) => {
    if (node.type === 'ExportDefaultDeclaration') return isIdentifier(node.declaration as Node, name);
    if (node.type !== 'AssignmentExpression' || !isIdentifier(node.right as Node, name)) return false;
    const left = node.left as Node;
    return isMember(left) && isIdentifier(left.object, 'module') && propertyName(left) === 'exports';
  });
}

function isExportsTarget(node: Node): boolean {
  if (isIdentifier(node, 'exports')) return true;
  if (!isMember(node)) return false;
  const object = node.object;
  if (isIdentifier(object, 'module') && propertyName(node) === 'exports') return true;
  return isExportsTarget(object);
}

/** The identifier starting at `offset`; for shorthand properties (`{ helper }`) the value, not the key. */
function identifierAt(analysis: MongooseAnalysis, offset: number): Path | undefined {
  let found: Path | undefined;
  for (const path of analysis.index.of('Identifier')) {
    if (path.node.start === offset && (!found || isReference(path))) found = path;
  }
  return found;
}

/** `import { x }`, `export { x }`, `module.exports = { x }`, `exports.x = x`: naming the helper, not using it. */
function isImportOrExportName(identifier: Path): boolean {
  const parent = identifier.parent as Path | null;
  if (!parent) return false;
  if (/^(Import|Export)(Default|Namespace)?Specifier$/.test(parent.node.type)) return true;
  return isCommonJsExport(identifier);
}

function isCommonJsExport(identifier: Path): boolean {
  const parent = identifier.parent as Path | null;
  if (!parent) return false;
  if (parent.node.type === 'AssignmentExpression') return parent.node.right === identifier.node && isExportsTarget(parent.node.left as Node);
  if (parent.node.type !== 'ObjectProperty' || parent.node.value !== identifier.node) return false;
  const assignment = parent.parent?.parent?.node as Node | undefined;
  return assignment?.type === 'AssignmentExpression' && isExportsTarget(assignment.left as Node);
}

/** `name(...)` or `obj.name(...)` with `identifier` as the called name. */
function callOfCallee(identifier: Path): Path | undefined {
  const parent = identifier.parent as Path | null;
  if (!parent) return undefined;
  if (isCall(parent.node) && parent.node.callee === identifier.node) return parent;
  if (isMember(parent.node) && parent.node.property === identifier.node) {
    const call = parent.parent as Path | null;
    if (call && isCall(call.node) && call.node.callee === parent.node) return call;
  }
  return undefined;
}
