import { FUNCTION_TYPES, isMember, walk, type Node, type Path } from './nodes';
import type { PathIndex } from './path-index';

const BLOCK_SCOPES = new Set(['BlockStatement', 'StaticBlock', 'SwitchStatement']);
const LOOP_SCOPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement']);
const VALUE_WRAPPERS = new Set(['TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TSParameterProperty', 'TSExportAssignment']);

export type DeclarationOrigin =
  | { kind: 'variable'; declarator: Path; declaration: Node }
  | { kind: 'parameter'; fn: Path; index: number; param: Node };

/**
 * Resolves identifiers to the identifier that declares them, with block scoping for let, const
 * and class (ast-types' own scopes only know functions). A binding is the declaring node itself,
 * so two references name the same variable exactly when they resolve to the same node.
 */
export class Bindings {
  private readonly declared = new WeakMap<Node, Map<string, Node>>();

  constructor(private readonly index: PathIndex) {}

  /** The declaring identifier of a reference (or of a declaration itself); undefined for globals. */
  declarationOf(path: Path): Node | undefined {
    const name = (path.node as { name?: string }).name;
    return typeof name === 'string' ? this.resolve(name, path) : undefined;
  }

  /** The declaration `name` would refer to if it were written at `at`; undefined for globals. */
  resolve(name: string, at: Path): Node | undefined {
    for (let current: Path | null = at; current; current = current.parent as Path | null) {
      const found = this.namesDeclaredBy(current.node).get(name);
      if (found) return found;
    }
    return undefined;
  }

  /** True when the variable `identifier` names is declared outside `region` (globals included). */
  declaredOutside(identifier: Path, region: Node): boolean {
    const declaration = this.declarationOf(identifier);
    if (!declaration) return true;
    return (declaration.start ?? 0) < (region.start ?? 0) || (declaration.start ?? 0) >= (region.end ?? 0);
  }

  /**
   * Whether `identifier`, or the variable it is a plain read of (`const account = req.account`,
   * `const cart = account.cart`: no call, followed back through such reads), passes `test`. Such a
   * variable holds the very object the other one does, so changing it changes that object.
   */
  holdsObjectOf(identifier: Path, test: (identifier: Path) => boolean): boolean {
    for (let current: Path | undefined = identifier, depth = 0; current && depth < 8; current = readRoot(this.plainReadOf(current)), depth++) {
      if (test(current)) return true;
    }
    return false;
  }

  /**
   * `req.account` for a variable declared `const account = req.account` (or `let`/`var` never
   * assigned again; type assertions left out): a member chain or a name, with no call in it.
   */
  plainReadOf(identifier: Path): Path | undefined {
    const value = this.constantValue(identifier);
    return value && readRoot(value) ? value : undefined;
  }

  /**
   * The value the variable `identifier` names is declared with, where nothing assigns it again
   * (`const`, or `let`/`var` never reassigned; type assertions left out); undefined for
   * parameters, destructured names and variables declared without a value.
   */
  constantValue(identifier: Path): Path | undefined {
    const declaration = this.declarationOf(identifier);
    const origin = declaration ? this.originOf(declaration) : undefined;
    if (origin?.kind !== 'variable' || origin.declarator.node.id !== declaration) return undefined;
    if (origin.declaration.kind !== 'const' && this.assignedAgain(declaration!)) return undefined;
    let value = origin.declarator.get('init') as Path;
    while (value.node && VALUE_WRAPPERS.has(value.node.type)) value = value.get('expression') as Path;
    return value.node ? value : undefined;
  }

  private assignedAgain(declaration: Node): boolean {
    return this.referencesBetween(declaration, 0, Infinity).some((ref) => {
      const parent = ref.parent?.node as Node | undefined;
      return (parent?.type === 'AssignmentExpression' && parent.left === ref.node) || parent?.type === 'UpdateExpression';
    });
  }

  /** Identifier paths under `within` that read or write the binding `declaration`. */
  referencesIn(within: Path, declaration: Node): Path[] {
    return this.referencesBetween(declaration, within.node.start ?? 0, within.node.end ?? 0);
  }

  /** Identifier paths starting in [start, end) of the text that read or write the binding `declaration`. */
  referencesBetween(declaration: Node, start: number, end: number): Path[] {
    return this.index.named(declaration.name as string).filter((path) => {
      const at = path.node.start ?? 0;
      return at >= start && at < end && path.node !== declaration && isReference(path) && this.declarationOf(path) === declaration;
    });
  }

  /** Where a declaring identifier comes from: its variable declarator, or the function it is a parameter of. */
  originOf(declaration: Node): DeclarationOrigin | undefined {
    this.origins ??= this.collectOrigins();
    return this.origins.get(declaration);
  }

  private origins: Map<Node, DeclarationOrigin> | undefined;

  private collectOrigins(): Map<Node, DeclarationOrigin> {
    const origins = new Map<Node, DeclarationOrigin>();
    for (const declarator of this.index.of('VariableDeclarator')) {
      for (const id of patternIdentifiers(declarator.node.id as Node)) {
        origins.set(id, { kind: 'variable', declarator, declaration: declarator.parent?.node as Node });
      }
    }
    for (const fn of this.index.functions()) {
      (fn.node.params as Node[]).forEach((param, index) => {
        const inner = param.type === 'TSParameterProperty' ? (param.parameter as Node) : param;
        for (const id of patternIdentifiers(inner)) origins.set(id, { kind: 'parameter', fn, index, param: inner });
      });
    }
    return origins;
  }

  private namesDeclaredBy(node: Node): Map<string, Node> {
    let names = this.declared.get(node);
    if (!names) {
      names = collectDeclarations(node);
      this.declared.set(node, names);
    }
    return names;
  }
}

function collectDeclarations(node: Node): Map<string, Node> {
  const names = new Map<string, Node>();
  const add = (id: Node) => {
    for (const identifier of patternIdentifiers(id)) if (!names.has(identifier.name as string)) names.set(identifier.name as string, identifier);
  };
  if (FUNCTION_TYPES.has(node.type)) {
    for (const param of node.params as Node[]) add(param.type === 'TSParameterProperty' ? (param.parameter as Node) : param);
    if (node.type === 'FunctionExpression' && node.id) add(node.id as Node);
    const body = node.body as Node;
    if (body.type === 'BlockStatement') for (const id of hoistedVars(body)) add(id);
  } else if (node.type === 'Program') {
    for (const statement of node.body as Node[]) addStatementDeclarations(statement, add);
    for (const id of hoistedVars(node)) add(id);
  } else if (BLOCK_SCOPES.has(node.type)) {
    const statements = node.type === 'SwitchStatement' ? (node.cases as Node[]).flatMap((c) => c.consequent as Node[]) : (node.body as Node[]);
    for (const statement of statements) addStatementDeclarations(statement, add);
  } else if (LOOP_SCOPES.has(node.type)) {
    const head = (node.type === 'ForStatement' ? node.init : node.left) as Node | null;
    if (head?.type === 'VariableDeclaration' && head.kind !== 'var') for (const d of head.declarations as Node[]) add(d.id as Node);
  } else if (node.type === 'CatchClause' && node.param) {
    add(node.param as Node);
  }
  return names;
}

function addStatementDeclarations(statement: Node, add: (id: Node) => void): void {
  const inner = (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') && statement.declaration ? (statement.declaration as Node) : statement;
  switch (inner.type) {
    case 'VariableDeclaration':
      if (inner.kind !== 'var') for (const d of inner.declarations as Node[]) add(d.id as Node);
      break;
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSEnumDeclaration':
      if (inner.id) add(inner.id as Node);
      break;
    case 'ImportDeclaration':
      if (inner.importKind !== 'type') {
        for (const s of inner.specifiers as Node[]) if (s.importKind !== 'type') add(s.local as Node);
      }
      break;
  }
}

/** The identifiers a statement declares where it stands (variables of any kind, functions, classes). */
export function declaredNames(statement: Node): Node[] {
  if (statement.type === 'VariableDeclaration') return (statement.declarations as Node[]).flatMap((d) => patternIdentifiers(d.id as Node));
  if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) return [statement.id as Node];
  return [];
}

/** The name a member chain with no call in it starts from (`req` in `req.locals.account`). */
function readRoot(read: Path | undefined): Path | undefined {
  let current = read;
  while (current?.node && (isMember(current.node) || VALUE_WRAPPERS.has(current.node.type))) current = current.get(isMember(current.node) ? 'object' : 'expression') as Path;
  return current?.node?.type === 'Identifier' ? current : undefined;
}

/** `var` declarations of a function body or program, not looking into nested functions. */
function hoistedVars(body: Node): Node[] {
  const out: Node[] = [];
  for (const statement of (body.body as Node[]) ?? []) {
    walk(statement, (node) => {
      if (FUNCTION_TYPES.has(node.type)) return false;
      if (node.type === 'VariableDeclaration' && node.kind === 'var') {
        for (const d of node.declarations as Node[]) out.push(...patternIdentifiers(d.id as Node));
      }
      return true;
    });
  }
  return out;
}

/** The identifiers a declaration pattern binds: `a`, `{ a, b: c }`, `[a, ...d]`, `a = 1`. */
export function patternIdentifiers(pattern: Node | null | undefined): Node[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [pattern];
    case 'AssignmentPattern':
      return patternIdentifiers(pattern.left as Node);
    case 'RestElement':
      return patternIdentifiers(pattern.argument as Node);
    case 'ArrayPattern':
      return (pattern.elements as Array<Node | null>).flatMap((e) => patternIdentifiers(e));
    case 'ObjectPattern':
      return (pattern.properties as Node[]).flatMap((p) => patternIdentifiers((p.type === 'RestElement' ? p : p.value) as Node));
    default:
      return [];
  }
}

/** True when an identifier is read or written as a value (not a property key, label or type). */
export function isReference(path: Path): boolean {
  const node = path.node;
  const parent = path.parent?.node as Node | undefined;
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.object === node || parent.computed === true;
    case 'ObjectProperty':
      return parent.value === node || (parent.computed === true && parent.key === node);
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassPrivateMethod':
    case 'ClassProperty':
    case 'ClassAccessorProperty':
      return parent.key !== node || parent.computed === true;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'MetaProperty':
      return false;
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
      return false;
    case 'ExportSpecifier':
      return parent.local === node;
    default:
      return !(parent.type.startsWith('TS') && !VALUE_WRAPPERS.has(parent.type));
  }
}

/** `base`, or `base2`, `base3`... whichever is not in `taken`; the name is then taken. */
export function freeName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

/**
 * Names read (or written) where no declaration of them is in scope although the file declares
 * them somewhere, such as a block's `const` read after the block, with the first such reference
 * of each. A rewrite that moves a declaration into a new block leaves such a read behind.
 */
export function readsOutOfScope(index: PathIndex, bindings: Bindings): Map<string, Path> {
  const declared = new Set<string>();
  for (const declarator of index.of('VariableDeclarator')) for (const id of patternIdentifiers(declarator.node.id as Node)) declared.add(id.name as string);
  for (const declaration of index.of('FunctionDeclaration', 'ClassDeclaration')) if (declaration.node.id) declared.add((declaration.node.id as Node).name as string);
  const out = new Map<string, Path>();
  for (const name of declared) {
    const stray = index.named(name).find((path) => isReference(path) && bindings.declarationOf(path) === undefined);
    if (stray) out.set(name, stray);
  }
  return out;
}
