import { isIdentifier, type Node } from '../ast/nodes';
import type { PathIndex } from '../ast/path-index';
import { packageOf } from '../facts/import-scan';
import { DRIVER_PACKAGES, LOOKALIKE_PACKAGES, MONGOOSE_PACKAGES, PURE_PACKAGES } from './api';

/** What a module imports from Mongoose, the driver and look-alike libraries. */
export interface ModuleImports {
  /** Local names bound to the whole `mongoose` module (default, namespace, `require`). */
  mongooseModule: Set<string>;
  /** Local name -> exported name, for named imports from `mongoose` (and `@nestjs/mongoose`). */
  mongooseNamed: Map<string, string>;
  /** Local name -> exported name, for named imports from `mongodb`. */
  driverNamed: Map<string, string>;
  /** True when the module imports Mongoose, @nestjs/mongoose or the driver. */
  usesMongo: boolean;
  /** Look-alike packages (Knex, Sequelize, express-session...) the module imports. */
  lookalikes: string[];
  /** Local names bound to what look-alike packages export (`drizzle`, `knex`, `Sequelize`). */
  lookalikeNames: Set<string>;
  /** The identifiers that bind what a package of PURE_PACKAGES exports (`moment`, `_`, `{ v4 }`). */
  pureBindings: Set<Node>;
}

/** A module specifier of a package whose functions only compute (PURE_PACKAGES), subpaths included. */
export function isPurePackage(specifier: string): boolean {
  return PURE_PACKAGES.has(specifier) || PURE_PACKAGES.has(packageOf(specifier) ?? '');
}

export function readImports(index: PathIndex): ModuleImports {
  const imports: ModuleImports = {
    mongooseModule: new Set(),
    mongooseNamed: new Map(),
    driverNamed: new Map(),
    usesMongo: false,
    lookalikes: [],
    lookalikeNames: new Set(),
    pureBindings: new Set(),
  };
  const record = (pkg: string, local: Node | undefined, imported: string | undefined) => {
    if (MONGOOSE_PACKAGES.includes(pkg) || DRIVER_PACKAGES.includes(pkg)) imports.usesMongo = true;
    const lookalike = LOOKALIKE_PACKAGES.find((name) => pkg === name || pkg.startsWith(`${name}/`));
    if (lookalike && !imports.lookalikes.includes(lookalike)) imports.lookalikes.push(lookalike);
    if (!local || local.type !== 'Identifier') return;
    if (lookalike) imports.lookalikeNames.add(local.name as string);
    if (isPurePackage(pkg)) imports.pureBindings.add(local);
    const name = local.name as string;
    if (pkg === 'mongoose') {
      if (imported === undefined) imports.mongooseModule.add(name);
      else imports.mongooseNamed.set(name, imported);
    } else if (pkg === '@nestjs/mongoose' && imported !== undefined) {
      imports.mongooseNamed.set(name, imported);
    } else if (pkg === 'mongodb' && imported !== undefined) {
      imports.driverNamed.set(name, imported);
    }
  };

  for (const p of index.of('ImportDeclaration')) {
    const node = p.node;
    const pkg = (node.source as Node).value as string;
    const specifiers = node.specifiers as Node[];
    if (specifiers.length === 0) record(pkg, undefined, undefined);
    for (const s of specifiers) {
      if (s.type === 'ImportSpecifier') {
        const imported = s.imported as Node;
        record(pkg, s.local as Node, (imported.name ?? imported.value) as string);
      } else {
        record(pkg, s.local as Node, undefined);
      }
    }
  }

  for (const p of index.of('CallExpression')) {
    const node = p.node;
    if (!isIdentifier(node.callee as Node, 'require')) continue;
    const arg = (node.arguments as Node[])[0];
    if (!arg || arg.type !== 'StringLiteral') continue;
    const pkg = arg.value as string;
    const parent = p.parent?.node as Node | undefined;
    if (parent?.type !== 'VariableDeclarator') {
      record(pkg, undefined, undefined);
      continue;
    }
    const id = parent.id as Node;
    if (id.type === 'Identifier') record(pkg, id, undefined);
    else if (id.type === 'ObjectPattern') {
      for (const prop of id.properties as Node[]) {
        if (prop.type !== 'ObjectProperty') continue;
        const key = prop.key as Node;
        record(pkg, prop.value as Node, (key.name ?? key.value) as string);
      }
    } else record(pkg, undefined, undefined);
  }
  return imports;
}
