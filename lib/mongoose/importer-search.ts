import * as path from 'node:path';
import { importedName, isCommonJsExport, isExportedStatement, isExportsTarget, isWholeExports } from '../ast/modules';
import { callOfCallee, isCall, isIdentifier, isMember, namingExpression, propertyName, type Node, type Path } from '../ast/nodes';
import { wholeWord } from '../edit/text';
import type { MongooseAnalysis } from './analysis';
import type { SiteCollector } from './call-sites';
import { instanceEscape } from './instance-escape';
import { lineOf, relativeTo } from './places';
import { selfCall, type MethodRef } from './self-calls';
import { inheritingSubclass } from './subclasses';
import { replacedOrCheckedAsDouble } from './test-doubles';

/** A name a module exports (`whole`: the module's default export, or `module.exports` itself). */
export interface ExportedName {
  file: string;
  name: string;
  whole: boolean;
}

/** What is looked for: calls of a function, or of a method on instances of the exported class. */
export interface CallTarget {
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
export class ImporterSearch {
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
