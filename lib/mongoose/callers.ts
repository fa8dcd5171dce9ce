import * as path from 'node:path';
import { exportName, isWholeExports } from '../ast/modules';
import { calleeName, isCall, isIdentifier, isMember, propertyName, some, walk, type Node, type Path } from '../ast/nodes';
import { wholeWord } from '../edit/text';
import { moduleName } from '../facts/text-index';
import type { FileContext } from './file-context';
import { replacedOrCheckedAsDouble } from './test-doubles';
import { MongooseAnalysis } from './analysis';
import { MONGOOSE_KINDS, memberOf, valueOf } from './callees';
import { lineOf, relativeTo } from './places';

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
 * Finds the calls of a helper function: in its own file, and, when it is exported and other files
 * mention it, in the files the import graph says load it (through re-exports too), all from
 * syntax. Whatever cannot be followed (a use that is not a plain call, a method called on an
 * object the syntax cannot tie to its class) makes the search incomplete.
 */
export class CallSiteFinder {
  constructor(
    private readonly ctx: FileContext,
    private readonly analysis: MongooseAnalysis,
  ) {}

  find(fn: Path): CallSiteSearch {
    const found = new SiteCollector();
    const identity = helperIdentity(fn);
    if (!identity) {
      found.miss('it is not a named function, so its callers cannot be listed');
      return found;
    }
    const overridden = identity.isMethod ? overriddenBy(this.analysis, fn, identity.name) : undefined;
    if (overridden) found.miss(`${identity.name}() overrides the one of ${overridden}, whose calls through this may run it`);
    const self = path.resolve(this.ctx.file);
    const instances = identity.isMethod && !identity.exported ? exportedInstances(fn) : [];
    if (instances.length > 0) {
      this.findThroughInstances(fn, identity, instances, found);
      return found;
    }
    // A method is reached through its class, which a file must name to make or receive an instance.
    const words = identity.isMethod ? [classNameOf(fn) ?? identity.name] : this.namesOf(identity);
    const mentionedElsewhere = words.some((word) => this.ctx.project.filesMentioning(word).some((f) => path.resolve(f) !== self));
    // Named nowhere else, it may still leave the package through a module that re-exports everything (`export * from`).
    if (identity.exported) this.findAcrossFiles(fn, identity, found, mentionedElsewhere);
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

  /** The module, or one that re-exports all of it (`export * from './x'`, at any depth), is an entry of the package. */
  private missIfReexportedPublicly(identity: HelperIdentity, className: string | undefined, found: SiteCollector): void {
    const queue = [path.resolve(this.ctx.file)];
    const seen = new Set<string>();
    while (queue.length > 0 && found.incomplete === undefined) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      this.missIfPublic(identity, className, file, found);
      for (const site of this.ctx.project.importersOf(file)) {
        const analysis = this.analysisOf(site.file);
        const statement = analysis?.index.of('StringLiteral').find((p) => p.node.start === site.start)?.parent?.node as Node | undefined;
        if (statement?.type === 'ExportAllDeclaration' && !statement.exported) queue.push(path.resolve(site.file));
      }
    }
  }

  /** A module that exports the helper and is an entry of its package: code outside the project may call it. */
  private missIfPublic(identity: HelperIdentity, className: string | undefined, file: string, found: SiteCollector): void {
    if (!this.ctx.project.isPublicEntry(file)) return;
    const what = identity.isMethod && className ? `${identity.name}() belongs to ${className}, which` : identity.name;
    const via = path.resolve(file) === path.resolve(this.ctx.file) ? 'its module' : relativeTo(this.ctx.file, file);
    found.miss(`${what} is exported by ${via}, an entry of the package (its package.json main, module or exports), so code outside this project can call it`);
  }

  /** The analysis of this file, or of another one as it is on disk (undefined if unreadable). */
  analysisOf(file: string): MongooseAnalysis | undefined {
    return path.resolve(file) === path.resolve(this.ctx.file) ? this.analysis : this.ctx.project.analysisOf(path.resolve(file));
  }

  /** `Class.method()`: the receiver is the class the method belongs to (a static call). */
  private namesClass(receiver: Path, classBody: Path): boolean {
    const classNode = (classBody.parent as Path | null)?.node;
    const id = classNode?.id as Node | undefined;
    return id !== undefined && isIdentifier(receiver.node) && this.analysis.bindings.declarationOf(receiver) === id;
  }

  private findInFile(fn: Path, identity: HelperIdentity, found: SiteCollector): void {
    if (identity.isMethod) {
      const classBody = fn.parent as Path;
      const classId = (classBody.parent as Path | null)?.node.id as Node | undefined;
      const rootPath = this.analysis.root.get() as Path;
      const classRefs = classId ? this.analysis.bindings.referencesIn(rootPath, classId).filter((ref) => ref.node !== classId && !isImportOrExportName(ref)) : [];
      const escape = instanceEscape(this.analysis, classRefs);
      if (escape) found.miss(`an instance of ${classId!.name as string} is handed on at line ${lineOf(escape)}, so calls of its ${identity.name}() cannot all be listed`);
      for (const ref of classRefs) {
        const subclass = inheritingSubclass(this.analysis, ref, methodRef(this.ctx.file, fn), identity.name);
        const subclassName = (subclass?.node.id as Node | undefined)?.name as string | undefined;
        if (subclass && (isExportedStatement(subclass) || this.analysis.bindings.referencesIn(rootPath, subclass.node.id as Node).some((r) => r.node !== subclass.node.id))) {
          found.miss(`${subclassName ?? 'a class'} extends ${classId!.name as string} and inherits ${identity.name}(), and its instances are used where the calls cannot all be listed`);
        }
      }
      for (const call of this.analysis.index.calls()) {
        const callee = call.node.callee as Node;
        if (!isMember(callee) || propertyName(callee) !== identity.name) continue;
        const receiver = call.get('callee', 'object') as Path;
        const self = selfCall(this.analysis, call, methodRef(this.ctx.file, fn));
        if (self === 'method' || (self === undefined && this.namesClass(receiver, classBody))) found.add({ file: this.ctx.file, analysis: this.analysis, call });
        else if (self === 'other' || MONGOOSE_KINDS.has(this.analysis.kindOf(receiver, 0, false))) continue;
        // `session.abortTransaction()` inside an abortTransaction() helper is the session's own method.
        else if (!this.analysis.isSessionReference(receiver)) found.miss(`${identity.name}() is also called on other objects, which cannot be checked without type facts`);
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

  /**
   * Calls in this file, then in every file that loads it and so on through re-exports, from the
   * import graph and each importer's syntax: the import, `require` or re-export that names the
   * helper (or its class, or the module itself for a default export), and the uses of what it binds.
   */
  private findAcrossFiles(fn: Path, identity: HelperIdentity, found: SiteCollector, mentionedElsewhere: boolean): void {
    this.findInFile(fn, identity, found);
    if (!mentionedElsewhere) {
      this.missIfReexportedPublicly(identity, classNameOf(fn), found);
      return;
    }
    const className = identity.isMethod ? classNameOf(fn) : undefined;
    if (identity.isMethod && className === undefined) {
      found.miss(`${identity.name}() belongs to a class without a name, so its callers in other files cannot be listed`);
      return;
    }
    const start: ExportedName = { file: path.resolve(this.ctx.file), name: className ?? identity.name, whole: identity.defaultExport || isDefaultExportedClass(fn) };
    this.searchImporters(identity, className, [start], { helper: identity.name, isMethod: identity.isMethod, method: methodRef(this.ctx.file, fn) }, found);
  }

  /**
   * A method of a class the module does not export, whose instance it does (`export const
   * transactionService = new TransactionService()`, `module.exports = new Mailer()`): calls through
   * `this` in the file, and `instance.method(...)` wherever the import graph says the instance goes.
   */
  private findThroughInstances(fn: Path, identity: HelperIdentity, instances: ExportedName[], found: SiteCollector): void {
    this.findInFile(fn, identity, found);
    const file = path.resolve(this.ctx.file);
    const starts = instances.map((instance) => ({ ...instance, file }));
    this.searchImporters(identity, classNameOf(fn), starts, { helper: identity.name, isMethod: false, instance: instances[0]!.name, method: methodRef(this.ctx.file, fn) }, found);
  }

  /** Follows the exported names through the files that load them (and their re-exports), gathering the calls of the target. */
  private searchImporters(identity: HelperIdentity, className: string | undefined, starts: ExportedName[], target: CallTarget, found: SiteCollector): void {
    const queue = [...starts];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const exported = queue.shift()!;
      const key = `${exported.file}\0${exported.name}\0${exported.whole}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.missIfPublic(identity, className, exported.file, found);
      for (const site of this.ctx.project.importersOf(exported.file)) {
        const analysis = this.analysisOf(site.file);
        if (!analysis) {
          found.miss(`${identity.name} may be used in ${relativeTo(this.ctx.file, site.file)}, which could not be read`);
          continue;
        }
        const importer = new ImporterSearch(this.ctx.file, site.file, analysis, exported, target, found);
        queue.push(...importer.follow(site.start));
      }
    }
  }
}

/** A name a module exports (`whole`: the module's default export, or `module.exports` itself). */
interface ExportedName {
  file: string;
  name: string;
  whole: boolean;
}

/** What is looked for: calls of a function, or of a method on instances of the exported class. */
interface CallTarget {
  helper: string;
  isMethod: boolean;
  /** The helper is a method called on an exported instance, known to importers by this name: `instance.helper(...)` are its calls. */
  instance?: string;
  /** The helper's function: what `this.helper()` and `super.helper()` in an importer's classes must resolve to. */
  method: MethodRef;
}

/**
 * One file that loads a module exporting the helper: what its import binds, and the calls through
 * that binding. Re-exports are returned, to be searched in turn.
 */
class ImporterSearch {
  private readonly rootPath: Path;
  private readonly reexports: ExportedName[] = [];

  constructor(
    private readonly helperFile: string,
    private readonly file: string,
    private readonly analysis: MongooseAnalysis,
    private readonly exported: ExportedName,
    private readonly target: CallTarget,
    private readonly found: SiteCollector,
  ) {
    this.rootPath = analysis.root.get() as Path;
  }

  /** Follows the module specifier at `start`; returns what the file re-exports of the helper. */
  follow(start: number): ExportedName[] {
    const literal = this.analysis.index.of('StringLiteral').find((p) => p.node.start === start);
    const parent = literal?.parent as Path | undefined;
    const node = parent?.node;
    if (!literal || !node) this.unfollowed();
    else if (node.type === 'ImportDeclaration') this.fromImport(node);
    else if (node.type === 'ExportNamedDeclaration') this.fromReexport(node);
    else if (node.type === 'ExportAllDeclaration') {
      if (!this.exported.whole) this.reexports.push({ file: this.file, name: this.exported.name, whole: false });
    } else if (isCall(node) && isIdentifier(node.callee as Node, 'require') && (node.arguments as Node[])[0] === literal.node) this.fromRequire(parent!);
    else this.unfollowed();
    return this.reexports;
  }

  private fromImport(declaration: Node): void {
    if (declaration.importKind === 'type') return;
    const wanted = this.exported.whole ? 'default' : this.exported.name;
    for (const specifier of declaration.specifiers as Node[]) {
      if (specifier.importKind === 'type') continue;
      const local = specifier.local as Node;
      if (specifier.type === 'ImportSpecifier' && importedName(specifier) === wanted) this.usesOf(local);
      else if (specifier.type === 'ImportDefaultSpecifier') {
        // A CommonJS module's exports arrive as the default import (esModuleInterop).
        if (this.exported.whole) this.usesOf(local);
        else this.memberUsesOf(local, this.exported.name);
      } else if (specifier.type === 'ImportNamespaceSpecifier') this.memberUsesOf(local, wanted);
    }
  }

  private fromReexport(declaration: Node): void {
    const wanted = this.exported.whole ? 'default' : this.exported.name;
    for (const specifier of declaration.specifiers as Node[]) {
      if (specifier.type === 'ExportNamespaceSpecifier') {
        this.found.miss(`${this.target.helper} is re-exported as part of a namespace in ${relativeTo(this.helperFile, this.file)}, so not all of its callers can be listed`);
      } else if (specifier.type === 'ExportSpecifier' && importedName(specifier, 'local') === wanted) {
        const as = importedName(specifier, 'exported')!;
        this.reexports.push({ file: this.file, name: as, whole: as === 'default' });
      }
    }
  }

  /** `const { helper } = require(...)`, `const m = require(...)` then `m.helper(...)`, `require(...).helper(...)`, `module.exports = require(...)`. */
  private fromRequire(call: Path): void {
    const parent = call.parent as Path;
    const node = parent.node;
    if (node.type === 'VariableDeclarator' && node.init === call.node) {
      const id = node.id as Node;
      if (id.type === 'ObjectPattern') {
        for (const prop of id.properties as Node[]) {
          const key = prop.key as Node | undefined;
          if (prop.type === 'ObjectProperty' && key && (key.name ?? key.value) === this.exported.name && !this.exported.whole) {
            if (isIdentifier(prop.value as Node)) this.usesOf(prop.value as Node);
            else this.unfollowed();
          }
        }
      } else if (isIdentifier(id)) {
        if (this.exported.whole) this.usesOf(id);
        else this.memberUsesOf(id, this.exported.name);
      } else this.unfollowed();
      return;
    }
    if (isMember(node) && node.object === call.node) {
      if (!this.exported.whole && propertyName(node) === this.exported.name) this.use(parent.get('property') as Path);
      return;
    }
    if (node.type === 'SpreadElement' && this.spreadIntoExports(parent)) {
      if (!this.exported.whole) this.reexports.push({ file: this.file, name: this.exported.name, whole: false });
      return;
    }
    if (node.type === 'AssignmentExpression' && node.right === call.node && isExportsTarget(node.left as Node)) {
      const left = node.left as Node;
      if (isWholeExports(left)) this.reexports.push({ ...this.exported, file: this.file });
      else if (this.exported.whole && isMember(left)) this.reexports.push({ file: this.file, name: propertyName(left)!, whole: false });
      return;
    }
    this.unfollowed();
  }

  /** `module.exports = { ...require('./x'), ... }`: the file re-exports every name of the module. */
  private spreadIntoExports(spread: Path): boolean {
    const object = spread.parent as Path | null;
    const assignment = object?.parent?.node as Node | undefined;
    return object?.node.type === 'ObjectExpression' && assignment?.type === 'AssignmentExpression' && assignment.right === object.node && isExportsTarget(assignment.left as Node);
  }

  /** The binding `local` holds the exported value itself: each reference is a use. */
  private usesOf(local: Node): void {
    const refs = this.analysis.bindings.referencesIn(this.rootPath, local).filter((ref) => !this.reexported(ref));
    if (this.target.isMethod) this.instanceCalls(local.name as string, refs);
    else for (const ref of refs) this.use(ref);
  }

  /** The binding `local` holds the module: `local.name` is a use. */
  private memberUsesOf(local: Node, name: string): void {
    const uses: Path[] = [];
    for (const ref of this.analysis.bindings.referencesIn(this.rootPath, local)) {
      const member = ref.parent as Path;
      if (isMember(member.node) && member.node.object === ref.node && propertyName(member.node) === name) uses.push(member.get('property') as Path);
      else if (member.node.type === 'AssignmentExpression' && member.node.right === ref.node && isWholeExports(member.node.left as Node)) {
        // `module.exports = db`: this file exports the same names.
        this.reexports.push({ file: this.file, name, whole: false });
      }
    }
    if (this.target.isMethod) this.instanceCalls(undefined, uses);
    else for (const use of uses) this.use(use);
  }

  /** One use of the helper: a call, or a reason the list is incomplete. */
  private use(ref: Path): void {
    if (this.target.instance !== undefined) {
      this.instanceUse(namingExpression(ref), this.target.instance);
      return;
    }
    const call = callOfCallee(ref);
    if (call) this.found.add({ file: this.file, analysis: this.analysis, call });
    // A test's stand-in for the helper is not one of its callers, and does not hand it anywhere.
    else if (replacedOrCheckedAsDouble(namingExpression(ref))) return;
    else this.found.miss(`${this.target.helper} is used as a value in ${relativeTo(this.helperFile, this.file)}, so not all of its callers can be found`);
  }

  /**
   * One use of the exported instance: `instance.helper(...)` is a call, another member of it is not
   * the helper's; anything else (passed on, stored, a computed member) may reach the helper unseen.
   */
  private instanceUse(expression: Path, instance: string): void {
    const member = expression.parent as Path | null;
    if (member && isMember(member.node) && member.node.object === expression.node) {
      const name = propertyName(member.node);
      const call = member.parent as Path | null;
      if (name === this.target.helper && call && isCall(call.node) && call.node.callee === member.node) {
        this.found.add({ file: this.file, analysis: this.analysis, call });
        return;
      }
      if (name !== undefined && name !== this.target.helper) return;
    }
    if (replacedOrCheckedAsDouble(expression)) return;
    this.found.miss(`${instance} (whose ${this.target.helper}() this is) is used as a value in ${relativeTo(this.helperFile, this.file)}, so not all calls of ${this.target.helper}() can be found`);
  }

  /** `export { x }`, `module.exports = { x }` of an imported binding: the search goes on in this file's importers. */
  private reexported(ref: Path): boolean {
    const parent = ref.parent as Path | null;
    if (!parent) return false;
    if (parent.node.type === 'ExportSpecifier') {
      const as = importedName(parent.node, 'exported')!;
      this.reexports.push({ file: this.file, name: as, whole: as === 'default' });
      return true;
    }
    if (parent.node.type === 'ExportDefaultDeclaration') {
      this.reexports.push({ file: this.file, name: 'default', whole: true });
      return true;
    }
    if (!isCommonJsExport(ref)) return false;
    if (parent.node.type === 'AssignmentExpression') {
      const left = parent.node.left as Node;
      const name = isMember(left) && !isWholeExports(left) ? propertyName(left) : undefined;
      this.reexports.push(name ? { file: this.file, name, whole: false } : { file: this.file, name: 'default', whole: true });
    } else {
      const key = parent.node.key as Node;
      this.reexports.push({ file: this.file, name: (key.name ?? key.value) as string, whole: false });
    }
    return true;
  }

  /**
   * The helper is a method of the class this file binds as `className` (`classRefs`: its uses as
   * a value): calls of the method on instances the syntax ties to the class (`new C()` in a
   * variable; a parameter or variable annotated `: C`; a class property or NestJS constructor
   * property annotated so, through `this`). A call of that method on anything else makes the list
   * incomplete.
   */
  private instanceCalls(className: string | undefined, importedRefs: readonly Path[]): void {
    const classRefs = [...importedRefs];
    const classNames = className === undefined ? [] : [className];
    for (const subclass of this.inheritingSubclasses(importedRefs)) {
      classRefs.push(...subclass.refs);
      classNames.push(subclass.name);
    }
    const escape = instanceEscape(this.analysis, classRefs);
    if (escape) this.found.miss(`an instance of ${className ?? this.exported.name} is handed on in ${relativeTo(this.helperFile, this.file)}:${lineOf(escape)}, so calls of its ${this.target.helper}() cannot all be listed`);
    const typed = new Set<Node>();
    const typedProperties = new Set<string>();
    for (const ref of classRefs) {
      const created = ref.parent as Path;
      const declarator = created.parent as Path | null;
      if (created.node.type === 'NewExpression' && created.node.callee === ref.node && declarator?.node.type === 'VariableDeclarator' && declarator.node.init === created.node && isIdentifier(declarator.node.id as Node)) {
        typed.add(declarator.node.id as Node);
      }
    }
    for (const name of classNames.flatMap((n) => this.analysis.index.named(n))) {
      const annotated = annotatedHolder(name);
      if (annotated?.kind === 'binding') typed.add(annotated.node);
      if (annotated?.kind === 'property') typedProperties.add(annotated.name);
    }
    for (const call of this.analysis.index.calls()) {
      const callee = call.node.callee as Node;
      if (!isMember(callee) || propertyName(callee) !== this.target.helper) continue;
      const receiver = callee.object;
      const receiverPath = call.get('callee', 'object') as Path;
      const self = selfCall(this.analysis, call, this.target.method);
      if (self === 'method') this.found.add({ file: this.file, analysis: this.analysis, call });
      if (self === 'method' || self === 'other') continue;
      // `Class.method()`: a static call through the imported class itself.
      const onClass = classRefs.some((ref) => ref.node === receiver);
      const onTyped = isIdentifier(receiver)
        ? typed.has(this.analysis.bindings.declarationOf(receiverPath) as Node)
        : isMember(receiver) && receiver.object.type === 'ThisExpression' && typedProperties.has(propertyName(receiver) ?? '');
      if (onTyped || onClass) this.found.add({ file: this.file, analysis: this.analysis, call });
      else if (this.analysis.isSessionReference(receiverPath)) continue;
      else this.found.miss(`${this.target.helper}() is also called on other objects in ${relativeTo(this.helperFile, this.file)}, which cannot be told apart without type facts`);
    }
  }

  /**
   * The classes of this file that extend the imported class and inherit the helper (`class
   * OrderRepo extends BaseRepo`): their uses in the file, and, where they are exported, the search
   * goes on in the files that load them.
   */
  private inheritingSubclasses(classRefs: readonly Path[]): { name: string; refs: Path[] }[] {
    const out: { name: string; refs: Path[] }[] = [];
    for (const ref of classRefs) {
      const subclass = inheritingSubclass(this.analysis, ref, this.target.method, this.target.helper);
      const id = subclass?.node.id as Node | undefined;
      if (!subclass || !id) continue;
      const name = id.name as string;
      if (isExportedStatement(subclass)) this.reexports.push({ file: this.file, name: subclass.parent?.node.type === 'ExportDefaultDeclaration' ? 'default' : name, whole: subclass.parent?.node.type === 'ExportDefaultDeclaration' });
      out.push({ name, refs: this.analysis.bindings.referencesIn(this.rootPath, id).filter((r) => r.node !== id && !this.reexported(r)) });
    }
    return out;
  }

  /** A form of loading the module that is not followed: the list is incomplete if this file names the helper. */
  private unfollowed(): void {
    if (wholeWord(this.target.helper).test(this.analysis.source)) {
      this.found.miss(`${relativeTo(this.helperFile, this.file)} loads ${path.basename(this.helperFile)} in a way whose uses cannot be followed, so not all callers of ${this.target.helper} can be listed`);
    }
  }
}

/** A NestJS module reference's lookups of a provider by its class. */
const INSTANCE_LOOKUPS = new Set(['get', 'resolve']);

function keyName(property: Node): string | undefined {
  const key = property.key as Node;
  return property.computed ? undefined : ((isIdentifier(key) ? key.name : key.value) as string | undefined);
}

/** Object keys of a NestJS module whose arrays list classes for the injector (instances then arrive by the class's type). */
const INJECTOR_LISTS = new Set(['providers', 'exports', 'controllers', 'imports']);

/**
 * Where an instance of a class may travel where calls on it cannot be tied to the class: `new C()`
 * not kept in a variable, a variable holding one that is used other than by its members
 * (`register(tx)`), a subclass (`extends C`), the class handed to code that makes instances
 * (`moduleRef.get(C)`, `{ useClass: C }`). Type annotations, static members, `instanceof` and
 * NestJS module lists (instances injected by the class's type) keep it in sight.
 */
function instanceEscape(analysis: MongooseAnalysis, classRefs: readonly Path[]): Path | undefined {
  const rootPath = analysis.root.get() as Path;
  for (const ref of classRefs) {
    const expression = namingExpression(ref);
    const parent = expression.parent as Path | null;
    if (!parent) continue;
    const node = parent.node;
    if (node.type === 'NewExpression' && node.callee === expression.node) {
      const declarator = parent.parent as Path | null;
      const id = declarator?.node.type === 'VariableDeclarator' && declarator.node.init === node ? (declarator.node.id as Node) : undefined;
      if (!id || !isIdentifier(id)) return parent;
      const passed = analysis.bindings.referencesIn(rootPath, id).find((use) => {
        const member = use.parent as Path | null;
        return use.node !== id && !(member && isMember(member.node) && member.node.object === use.node);
      });
      if (passed) return passed;
      continue;
    }
    if (isMember(node) && node.object === expression.node) continue;
    // `class OrderRepo extends BaseRepo`: what its instances call is searched through the subclass.
    if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && node.superClass === expression.node) continue;
    if (node.type.startsWith('TS') || (node.type === 'BinaryExpression' && node.operator === 'instanceof' && node.right === expression.node)) continue;
    // `{ provide: C, useValue: stub }` names a token; `moduleRef.get(C)` gives an instance whose calls this file shows.
    if (node.type === 'ObjectProperty' && node.value === expression.node && keyName(node) === 'provide') continue;
    if (isCall(node) && (node.arguments as Node[])[0] === expression.node && INSTANCE_LOOKUPS.has(calleeName(node) ?? '')) continue;
    const list = node.type === 'ArrayExpression' ? (parent.parent as Path | null)?.node : undefined;
    if (list?.type === 'ObjectProperty' && INJECTOR_LISTS.has(keyName(list) ?? '')) continue;
    return parent;
  }
  return undefined;
}

/**
 * `this.m()` or `super.m()`: whether the one resolver (callees.ts) says it runs `method`, runs
 * something else (the enclosing class or a closer superclass defines `m`), or cannot tell;
 * undefined for any other receiver.
 */
function selfCall(analysis: MongooseAnalysis, call: Path, method: MethodRef): 'method' | 'other' | 'unknown' | undefined {
  const callee = call.node.callee as Node;
  const receiver = isMember(callee) ? (callee.object as Node).type : undefined;
  if (receiver !== 'ThisExpression' && receiver !== 'Super') return undefined;
  const value = valueOf(analysis, call.get('callee') as Path, 0);
  if (value?.kind === 'function') return isMethod(value, method) ? 'method' : 'other';
  return value === undefined || value.kind === 'expression' ? 'unknown' : 'other';
}

/**
 * The helper method, by its file and its class and name: another file reaches the helper's file
 * through an analysis of its own (of the text on disk, while the pipeline works on a rewritten one).
 */
interface MethodRef {
  file: string;
  fn: Path;
}

function methodRef(file: string, fn: Path): MethodRef {
  return { file, fn };
}

function isMethod(value: { analysis: MongooseAnalysis; fn: Path }, method: MethodRef): boolean {
  if (value.fn.node === method.fn.node) return true;
  const key = methodKey(method.fn);
  return key !== undefined && value.analysis.file !== undefined && path.resolve(value.analysis.file) === path.resolve(method.file) && methodKey(value.fn) === key;
}

/** `Class#name` (`Class.name` if static) of a method of a named class. */
function methodKey(fn: Path): string | undefined {
  const className = classNameOf(fn);
  const key = fn.node.key as Node | undefined;
  if (fn.node.type !== 'ClassMethod' || className === undefined || !key || !isIdentifier(key) || fn.node.computed) return undefined;
  return `${className}${fn.node.static ? '.' : '#'}${key.name as string}`;
}

/** The superclass (by name) whose own `name` method the method overrides, or undefined. */
function overriddenBy(analysis: MongooseAnalysis, method: Path, name: string): string | undefined {
  if (method.node.static) return undefined;
  const cls = method.parent?.parent as Path | null;
  if (!cls?.node.superClass) return undefined;
  const parent = valueOf(analysis, cls.get('superClass') as Path, 0);
  if (parent?.kind !== 'class') return undefined;
  const inherited = memberOf({ kind: 'instance', analysis: parent.analysis, cls: parent.cls }, name, 0);
  return inherited?.kind === 'function' ? (((parent.cls.node.id as Node | undefined)?.name as string | undefined) ?? 'its superclass') : undefined;
}

/** `class X extends C` at a reference of C, when X's instances run C's `method` (X does not override it). */
function inheritingSubclass(analysis: MongooseAnalysis, ref: Path, method: MethodRef, name: string): Path | undefined {
  const expression = namingExpression(ref);
  const parent = expression.parent as Path | null;
  if (!parent || (parent.node.type !== 'ClassDeclaration' && parent.node.type !== 'ClassExpression') || parent.node.superClass !== expression.node) return undefined;
  const inherited = memberOf({ kind: 'instance', analysis, cls: parent }, name, 0);
  return inherited?.kind === 'function' && isMethod(inherited, method) ? parent : undefined;
}

/** The name an import or export specifier names on the module side (`imported`/`local`) or the importing side (`exported`). */
function importedName(specifier: Node, side: 'imported' | 'local' | 'exported' = 'imported'): string | undefined {
  return exportName(specifier[side] as Node | undefined);
}

/** Where a type name annotates a binding (parameter, variable) or a class property, NestJS constructor properties included. */
function annotatedHolder(name: Path): { kind: 'binding'; node: Node } | { kind: 'property'; name: string } | undefined {
  const reference = name.parent as Path | null;
  if (reference?.node.type !== 'TSTypeReference' || reference.node.typeName !== name.node) return undefined;
  const annotation = reference.parent as Path | null;
  if (annotation?.node.type !== 'TSTypeAnnotation') return undefined;
  const holder = annotation.parent as Path | null;
  if (!holder) return undefined;
  if (holder.node.type === 'ClassProperty' && isIdentifier(holder.node.key as Node)) return { kind: 'property', name: (holder.node.key as Node).name as string };
  if (!isIdentifier(holder.node)) return undefined;
  if ((holder.parent as Path | null)?.node.type === 'TSParameterProperty') return { kind: 'property', name: holder.node.name as string };
  return { kind: 'binding', node: holder.node };
}

/**
 * The names under which the module exports an instance of the method's class, made in place
 * (`export const tx = new TransactionService()`, `export default new Tx()`, `module.exports = new
 * Tx()`, `exports.tx = new Tx()`) or in a variable it exports (`export { tx }`, `module.exports = { tx }`).
 */
function exportedInstances(method: Path): ExportedName[] {
  const classPath = method.parent?.parent as Path | null;
  const id = classPath?.node.id as Node | undefined;
  if (!id || !isIdentifier(id)) return [];
  let program: Path = method;
  while (program.parent) program = program.parent as Path;
  const out: ExportedName[] = [];
  walk(program.node, (node) => {
    if (node.type !== 'NewExpression' || !isIdentifier(node.callee as Node, id.name as string)) return undefined;
    out.push(...exportsOfValue(program.node, node));
    return undefined;
  });
  return out;
}

/** The names the module exports `value` under: directly, or through the variable it initialises. */
function exportsOfValue(program: Node, value: Node): ExportedName[] {
  const out: ExportedName[] = [];
  const file = '';
  let variable: string | undefined;
  walk(program, (node) => {
    if (node.type === 'ExportDefaultDeclaration' && node.declaration === value) out.push({ file, name: 'default', whole: true });
    if (node.type === 'AssignmentExpression' && node.right === value && isExportsTarget(node.left as Node)) out.push(exportTargetName(node.left as Node));
    if (node.type === 'VariableDeclarator' && node.init === value && isIdentifier(node.id as Node)) variable = (node.id as Node).name as string;
    return undefined;
  });
  if (variable === undefined) return out;
  const name = variable;
  walk(program, (node) => {
    if (node.type === 'ExportNamedDeclaration' && (node.declaration as Node | undefined)?.type === 'VariableDeclaration') {
      const declared = ((node.declaration as Node).declarations as Node[]).some((d) => isIdentifier(d.id as Node, name));
      if (declared) out.push({ file, name, whole: false });
    }
    if (node.type === 'ExportSpecifier' && isIdentifier(node.local as Node, name)) {
      const as = importedName(node, 'exported')!;
      out.push({ file, name: as, whole: as === 'default' });
    }
    if (node.type === 'ExportDefaultDeclaration' && isIdentifier(node.declaration as Node, name)) out.push({ file, name: 'default', whole: true });
    if (node.type === 'AssignmentExpression' && isExportsTarget(node.left as Node)) {
      const right = node.right as Node;
      if (isIdentifier(right, name)) out.push(exportTargetName(node.left as Node));
      if (right.type === 'ObjectExpression') {
        for (const p of right.properties as Node[]) {
          const key = p.key as Node | undefined;
          if (p.type === 'ObjectProperty' && isIdentifier(p.value as Node, name) && key && !p.computed) out.push({ file, name: (key.name ?? key.value) as string, whole: false });
        }
      }
    }
    return undefined;
  });
  return out;
}

/** `module.exports` (the whole module) or `exports.name` / `module.exports.name`. */
function exportTargetName(left: Node): ExportedName {
  return isWholeExports(left) ? { file: '', name: 'default', whole: true } : { file: '', name: propertyName(left) ?? 'default', whole: propertyName(left) === undefined };
}

function classNameOf(method: Path): string | undefined {
  const classNode = (method.parent?.parent as Path | null)?.node;
  const id = classNode?.id as Node | undefined;
  return id?.name as string | undefined;
}

function isDefaultExportedClass(method: Path): boolean {
  const classPath = method.parent?.parent as Path | null;
  return classPath?.parent?.node.type === 'ExportDefaultDeclaration';
}

/** `line 12` for a call in `file` itself, else `other.js:12` relative to `file`'s folder. */
export function describeSite(file: string, site: CallSite): string {
  const line = lineOf(site.call);
  return site.file === file ? `line ${line}` : `${relativeTo(file, site.file)}:${line}`;
}

/** The name a function is called by (its declaration, variable, exported property or method key), if it has one. */
export function functionName(fn: Path): string | undefined {
  return helperIdentity(fn)?.name;
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
    return isWholeExports(node.left as Node);
  });
}

function isExportsTarget(node: Node): boolean {
  if (isIdentifier(node, 'exports')) return true;
  if (!isMember(node)) return false;
  const object = node.object;
  if (isIdentifier(object, 'module') && propertyName(node) === 'exports') return true;
  return isExportsTarget(object);
}

/** `import { x }`, `export { x }`, `export default x`, `module.exports = { x }`, `exports.x = x`: naming the helper, not using it. */
function isImportOrExportName(identifier: Path): boolean {
  const parent = identifier.parent as Path | null;
  if (!parent) return false;
  if (/^(Import|Export)(Default|Namespace)?Specifier$/.test(parent.node.type)) return true;
  if (parent.node.type === 'ExportDefaultDeclaration') return parent.node.declaration === identifier.node;
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

/** `obj.name` for the property `name` of a member expression, else the identifier itself. */
function namingExpression(identifier: Path): Path {
  const parent = identifier.parent as Path | null;
  return parent && isMember(parent.node) && parent.node.property === identifier.node ? parent : identifier;
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
