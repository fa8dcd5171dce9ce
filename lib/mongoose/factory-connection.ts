import { endOf, isCall, isIdentifier, isMember, startOf, unwrapPath, type Node, type Path } from '../ast/nodes';
import { enclosingClass } from '../ast/classes';
import { decoratorName, type MongooseAnalysis, type ReceiverKind, type SessionCreation } from './analysis';
import { exportedDefinition, programOf, valueOf } from './callees';
import { clientOf } from './connections';
import { namedDefaultConnection } from './default-connection';
import { relativeTo } from './places';

type Factory = NonNullable<SessionCreation['factory']>;
type Connection = string | { reason: string; unknown?: true };

/**
 * The connection, as the caller's file names it, of a session a factory of another file hands out
 * (`await this.walletRepo.sessionStart()`, whose body returns `WalletModel.startSession()`):
 * transaction() must be called on it there, with no import added. The caller can name it when
 * it binds the model or connection the factory starts the session on (the same definition,
 * followed through the import graph), when it hands that receiver to the factory itself
 * (`createSession(Order)`), or when the receiver is on the default connection (`mongoose.model()`,
 * `model` from mongoose) and the caller imports mongoose. `home` is the connection as the
 * factory's own file names it. Otherwise a reason naming the factory, marked unknown: a reason
 * found in the caller's code comes first.
 */
export function callerConnectionOf(analysis: MongooseAnalysis, creation: SessionCreation, factory: Factory, home: Connection): Connection {
  const called = `${factoryCall(analysis, creation, factory)} (${relativeTo(analysis.file ?? '', factory.analysis.file ?? '')})`;
  const receiver = factory.inner.receiver && unwrapPath(factory.inner.receiver);
  if (factory.via || factory.property || factory.startsTransaction || !receiver) {
    return { reason: `the session comes from ${called}, and it cannot tell which connection that function starts it on`, unknown: true };
  }
  if (typeof home !== 'string' && !home.unknown) return home;
  const kind = factory.inner.kind;
  const handed = handedReceiver(analysis, creation, factory, receiver);
  if (handed) return handed;
  const shown = factory.analysis.source.slice(startOf(receiver.node), endOf(receiver.node));
  const client = clientOf(factory.analysis, receiver);
  const injected = client.kind === 'nest' ? injectedConnection(creation.call, client.name) : undefined;
  if (injected) return injected;
  if (client.kind === 'nest') {
    const which = client.name === '' ? 'the default NestJS connection' : `the NestJS connection '${client.name}'`;
    return { reason: `the session comes from ${called}, which starts it on ${which} (\`${factory.analysis.source.slice(startOf(receiver.node), endOf(receiver.node))}\` there), and this class has no such connection injected to run transaction() on`, unknown: true };
  }
  const defined = isIdentifier(receiver.node) ? definitionOf(factory.analysis, receiver) : undefined;
  const held = defined && heldName(analysis, creation.call, defined.path.node);
  const heldText = held && connectionText(kind, held);
  if (heldText) return heldText;
  const onDefault = client.kind === 'default' || (defined !== undefined && clientOf(defined.analysis, defined.path).kind === 'default');
  const viaMongoose = onDefault ? namedDefaultConnection(analysis, creation.call) : undefined;
  if (viaMongoose) return viaMongoose;
  if (!defined) return { reason: `the session comes from ${called}, which starts it on \`${shown}\`, a connection this file cannot name`, unknown: true };
  const other = onDefault ? ` (nor mongoose, whose default connection \`${shown}\` is on)` : '';
  return { reason: `the session comes from ${called}, which starts it on \`${shown}\`; this file has no name for \`${shown}\`${other}, so it cannot name the connection transaction() would run on`, unknown: true };
}

/** How the caller calls the factory, for findings: `this.walletRepo.sessionStart()`. */
export function factoryCall(analysis: MongooseAnalysis, creation: SessionCreation, factory: Factory): string {
  const call = unwrapPath(creation.call);
  const callee = isCall(call.node) ? (call.node.callee as Node) : undefined;
  return callee ? `${analysis.source.slice(startOf(callee), endOf(callee)).replace(/\s+/g, '')}()` : `${factory.name}()`;
}

/** `createSession(Order)` for `(model) => model.startSession()`: the argument the caller gives for the receiver, where it names a model or connection. */
function handedReceiver(analysis: MongooseAnalysis, creation: SessionCreation, factory: Factory, receiver: Path): string | undefined {
  if (!isIdentifier(receiver.node)) return undefined;
  const index = (factory.fn.node.params as Node[]).findIndex((p) => isIdentifier(p) && p === factory.analysis.bindings.declarationOf(receiver));
  const call = unwrapPath(creation.call);
  if (index === -1 || !isCall(call.node)) return undefined;
  const argument = call.get('arguments', index) as Path;
  if (!argument.node || !plainName(argument.node)) return undefined;
  const kind = analysis.kindOf(argument);
  return kind === 'model' || kind === 'connection' || kind === 'mongoose' ? connectionText(kind, analysis.source.slice(startOf(argument.node), endOf(argument.node))) : undefined;
}

/** `this.connection` where the caller's class has the NestJS connection `name` injected (`@InjectConnection()` for Nest's default, ''). */
function injectedConnection(at: Path, name: string): string | undefined {
  const cls = enclosingClass(at);
  if (!cls) return undefined;
  for (const member of (cls.node.body as Node).body as Node[]) {
    const holders = member.type === 'ClassProperty' ? [member] : member.type === 'ClassMethod' && member.kind === 'constructor' ? (member.params as Node[]).filter((p) => p.type === 'TSParameterProperty') : [];
    for (const holder of holders) {
      const key = (holder.type === 'TSParameterProperty' ? holder.parameter : holder.key) as Node;
      const decorators = (holder.decorators as Node[] | undefined) ?? ((key.decorators as Node[] | undefined) ?? []);
      const decorator = decorators.find((d) => decoratorName(d) === 'InjectConnection');
      if (!decorator || !isIdentifier(key) || holder.computed) continue;
      const args = isCall(decorator.expression as Node) ? ((decorator.expression as Node).arguments as Node[]) : [];
      const named = args.length === 0 ? '' : args[0]!.type === 'StringLiteral' ? (args[0]!.value as string) : undefined;
      if (named === name) return `this.${key.name as string}`;
    }
  }
  return undefined;
}

/** `a`, `a.b.c`: names only, nothing that runs. */
function plainName(node: Node): boolean {
  let current = node;
  while (isMember(current) && !current.computed) current = current.object;
  return isIdentifier(current) || current.type === 'ThisExpression';
}

/** A name of the caller's module scope, visible at `at`, that stands for `target`. */
function heldName(analysis: MongooseAnalysis, at: Path, target: Node): string | undefined {
  for (const local of moduleBindings(analysis)) {
    const path = analysis.index.pathOf(local);
    if (!path || analysis.bindings.resolve(local.name as string, at) !== local) continue;
    if (definitionOf(analysis, path)?.path.node === target) return local.name as string;
  }
  return undefined;
}

/** The expression a name stands for: what another module exports under it (`module.exports = mongoose.model(...)`), or its own file's definition. */
function definitionOf(analysis: MongooseAnalysis, name: Path): { analysis: MongooseAnalysis; path: Path } | undefined {
  const exported = exportedDefinition(analysis, name);
  if (exported) return exported;
  const value = valueOf(analysis, name, 0);
  return value?.kind === 'expression' ? value : undefined;
}

/** The names the file's imports and top-level `require()` declarations bind. */
function moduleBindings(analysis: MongooseAnalysis): Node[] {
  const program = programOf(analysis).node;
  const out: Node[] = [];
  for (const statement of program.body as Node[]) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
      for (const specifier of statement.specifiers as Node[]) if (specifier.importKind !== 'type') out.push(specifier.local as Node);
    }
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations as Node[]) {
      const id = declarator.id as Node;
      if (isIdentifier(id)) out.push(id);
      else if (id.type === 'ObjectPattern') {
        for (const property of id.properties as Node[]) if (property.type === 'ObjectProperty' && isIdentifier(property.value as Node)) out.push(property.value as Node);
      }
    }
  }
  return out;
}

function connectionText(kind: ReceiverKind, name: string): string | undefined {
  if (kind === 'mongoose') return `${name}.connection`;
  if (kind === 'model') return `${name}.db`;
  return kind === 'connection' ? name : undefined;
}
