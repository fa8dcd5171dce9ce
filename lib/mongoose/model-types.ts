import { endOf, isCall, isIdentifier, isMember, propertyKey, propertyName, startOf, unwrapAwaited, type Node, type Path } from '../ast/nodes';
import { findClassMember, type MongooseAnalysis } from './analysis';

/**
 * The TypeScript type of a document a model hands out, written from what the code states: the
 * interface the model is declared with (`model<IOrder>('Order', schema)`, a property typed
 * `Model<IOrder>`), and the document type Mongoose exports that the file already imports
 * (`HydratedDocument<IOrder>`, else `IOrder & Document`). Nothing new is imported; where the code
 * states no interface, or the value is not a plain document (lean, populated, projected by
 * aggregation), there is no type.
 */
export function modelDocumentType(analysis: MongooseAnalysis, declarator: Path, name: Node): { type: string } | { reason: string } | undefined {
  const init = declarator.node.init ? (declarator.get('init') as Path) : undefined;
  return init ? documentTypeFrom(analysis, init, declarator.node.id as Node, name) : undefined;
}

/**
 * The same for a name bound to what `value` resolves to: `id` binds it (`doc`, or the pattern
 * `[order]` a chain step takes its parameter apart with) and `name` is the identifier wanted.
 */
export function documentTypeFrom(analysis: MongooseAnalysis, value: Path, id: Node, name: Node): { type: string } | { reason: string } | undefined {
  const made = madeBy(unwrapAwaited(value.node));
  if (!made) return undefined;
  const face = modelInterface(analysis, made.model, value);
  if (!face) return undefined;
  const interfaceName = analysis.source.slice(startOf(face), endOf(face));
  if ('plain' in made) return { reason: `its model states the interface \`${interfaceName}\`, but ${made.plain} gives plain objects, not the model's documents` };
  const shape = shapeOf(made, id, name);
  if (!shape) return undefined;
  const document = documentOf(analysis, interfaceName);
  if (!document) return { reason: `its model states the interface \`${interfaceName}\`, but the file imports neither HydratedDocument nor Document from Mongoose to write the document's type with (nothing new is imported)` };
  return { type: shape === 'one' ? document : shape === 'maybe' ? `${wrap(document)} | null` : `${wrap(document)}[]` };
}

type Shape = 'one' | 'maybe' | 'many';

/** What the model call gives: one document, one or null, or an array. */
interface Made {
  model: Node;
  method: string;
  args: Node[];
}

/** Query methods that resolve to one document or null. */
const ONE_OR_NULL = new Set(['findOne', 'findById', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndDelete', 'findByIdAndDelete', 'findOneAndReplace', 'findByIdAndRemove', 'findOneAndRemove']);
/** Links of a query chain that keep what it resolves to. */
const KEEPS_RESULT = new Set(['session', 'exec', 'sort', 'skip', 'limit', 'setOptions', 'where', 'collation', 'hint', 'maxTimeMS', 'read']);

/**
 * `new Model(...)`, `Model.create(...)`, `Model.findOne(...).session(s).exec()`: the model and its
 * method; `plain` when a `lean()` link or option makes the query give plain objects.
 */
function madeBy(expression: Node): Made | { model: Node; plain: string } | undefined {
  if (expression.type === 'NewExpression') return { model: expression.callee as Node, method: 'new', args: expression.arguments as Node[] };
  let call = expression;
  let plain: string | undefined;
  while (isCall(call) && isMember(call.callee) && (KEEPS_RESULT.has(propertyName(call.callee) ?? '') || propertyName(call.callee) === 'lean')) {
    if (propertyName(call.callee) === 'lean') plain = 'lean()';
    const inner = call.callee.object;
    if (!isCall(inner) || !isMember(inner.callee)) break;
    call = inner;
  }
  if (!isCall(call) || !isMember(call.callee)) return undefined;
  const method = propertyName(call.callee);
  if (!method || !(method === 'create' || method === 'find' || ONE_OR_NULL.has(method))) return undefined;
  // Options that make the query give something else than documents.
  const option = call.arguments.flatMap((arg) => (arg.type === 'ObjectExpression' ? (arg.properties as Node[]) : [])).map((p) => propertyKey(p)).find((key) => key !== undefined && ['lean', 'rawResult', 'includeResultMetadata'].includes(key));
  if (option === 'lean') plain = 'the lean option';
  else if (option) return undefined;
  return plain ? { model: call.callee.object, plain } : { model: call.callee.object, method, args: call.arguments };
}

/** What the declared name holds: the value itself, or one element of `const [order] = await X.create([...])`. */
function shapeOf(made: Made, id: Node, name: Node): Shape | undefined {
  const whole: Shape | undefined =
    made.method === 'new' ? 'one' : made.method === 'find' ? 'many' : ONE_OR_NULL.has(made.method) ? 'maybe' : made.args[0]?.type === 'ArrayExpression' ? 'many' : made.args[0]?.type === 'ObjectExpression' && made.args.length === 1 ? 'one' : undefined;
  if (id === name || (isIdentifier(id) && id.name === name.name)) return whole;
  // `const [order] = await Order.create([{ ... }], { session })`: an element of the array.
  if (id.type === 'ArrayPattern' && whole === 'many' && (id.elements as Array<Node | null>).some((element) => element !== null && isIdentifier(element) && element.name === name.name)) return 'one';
  return undefined;
}

/** The interface a model is declared with: `this.orderModel` typed `Model<IOrder>`, or `const Order = model<IOrder>(...)`. */
function modelInterface(analysis: MongooseAnalysis, model: Node, at: Path): Node | undefined {
  if (isMember(model) && model.object.type === 'ThisExpression') {
    const name = propertyName(model);
    const member = name ? findClassMember(at, name) : undefined;
    return soleArgumentOf((member?.typeAnnotation as Node | undefined)?.typeAnnotation as Node | undefined, 'Model');
  }
  if (!isIdentifier(model)) return undefined;
  const declaration = analysis.bindings.resolve(model.name as string, at);
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  const declarator = origin?.kind === 'variable' && origin.declarator.node.id === declaration ? origin.declarator.node : undefined;
  const init = declarator?.init as Node | undefined;
  if (!init || !isCall(init)) return undefined;
  const callee = init.callee;
  const named = isIdentifier(callee, 'model') || (isMember(callee) && propertyName(callee) === 'model');
  const typeArgs = ((init.typeParameters ?? init.typeArguments) as Node | undefined)?.params as Node[] | undefined;
  return named && typeArgs?.length === 1 && isPlainReference(typeArgs[0]!) ? typeArgs[0] : undefined;
}

/** `Model<IOrder>`: the one type argument, when it names an interface or type of the code. */
function soleArgumentOf(type: Node | undefined, name: string): Node | undefined {
  if (type?.type !== 'TSTypeReference' || !isIdentifier(type.typeName as Node, name)) return undefined;
  const params = (type.typeParameters as Node | undefined)?.params as Node[] | undefined;
  return params?.length === 1 && isPlainReference(params[0]!) ? params[0] : undefined;
}

function isPlainReference(type: Node): boolean {
  return type.type === 'TSTypeReference' && isIdentifier(type.typeName as Node) && !type.typeParameters;
}

/** `HydratedDocument<IOrder>`, or `IOrder & Document`, with the names the file imports them by from Mongoose. */
function documentOf(analysis: MongooseAnalysis, text: string): string | undefined {
  const hydrated = mongooseImport(analysis, 'HydratedDocument');
  if (hydrated) return `${hydrated}<${text}>`;
  const document = mongooseImport(analysis, 'Document');
  return document ? `${text} & ${document}` : undefined;
}

/** The local name of `name` imported from Mongoose (a value or type import). */
function mongooseImport(analysis: MongooseAnalysis, name: string): string | undefined {
  for (const declaration of analysis.index.of('ImportDeclaration')) {
    if ((declaration.node.source as Node).value !== 'mongoose') continue;
    for (const specifier of declaration.node.specifiers as Node[]) {
      if (specifier.type === 'ImportSpecifier' && isIdentifier(specifier.imported as Node, name)) return (specifier.local as Node).name as string;
    }
  }
  return undefined;
}

function wrap(type: string): string {
  return type.includes(' ') ? `(${type})` : type;
}
