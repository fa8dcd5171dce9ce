import * as path from 'node:path';
import { classNameOf } from '../ast/classes';
import { isExportedStatement, isExportsTarget, isImportOrExportName } from '../ast/modules';
import { isCall, isIdentifier, isMember, propertyName, type Node, type Path } from '../ast/nodes';
import { moduleName } from '../facts/text-index';
import type { FileContext } from './file-context';
import { MongooseAnalysis } from './analysis';
import { MONGOOSE_KINDS } from './callees';
import { SiteCollector, type CallSite, type CallSiteSearch } from './call-sites';
import { exportedInstances } from './exported-instances';
import { helperIdentity, type HelperIdentity } from './helper-identity';
import { ImporterSearch, type CallTarget, type ExportedName } from './importer-search';
import { instanceEscape } from './instance-escape';
import { lineOf, relativeTo } from './places';
import { methodRef, selfCall } from './self-calls';
import { inheritingSubclass, overriddenBy } from './subclasses';

export type { CallSite, CallSiteSearch } from './call-sites';

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
      found.miss(unnamedReason(fn));
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

/** Why the callers of a function the finder cannot name are not listed. */
function unnamedReason(fn: Path): string {
  const parent = fn.parent?.node as Node | undefined;
  const key = parent?.type === 'ClassProperty' && parent.value === fn.node && !parent.computed ? (parent.key as Node) : undefined;
  return key && isIdentifier(key)
    ? `it is the value of the class field \`${key.name as string}\`, not a method, so its callers are not looked for`
    : 'it is not a named function, so its callers cannot be listed';
}
