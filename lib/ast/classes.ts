import { exportName } from './modules';
import { isFunction, isIdentifier, type Node, type Path } from './nodes';

/** The class whose instance `this` is at `path`: through arrow functions, up to the method or property it is in. */
export function enclosingClass(path: Path): Path | undefined {
  const self = thisClass(path);
  return self && !self.isStatic ? self.cls : undefined;
}

/** What `this` is at `path`: an instance of the class (`isStatic` false), or, in a static method, the class itself. */
export function thisClass(path: Path): { cls: Path; isStatic: boolean } | undefined {
  for (let current = path.parent as Path | null; current; current = current.parent as Path | null) {
    if (current.node.type === 'ClassBody') return { cls: current.parent as Path, isStatic: false };
    if (isFunction(current.node) && current.node.type !== 'ArrowFunctionExpression' && current.node.type !== 'ClassMethod' && current.node.type !== 'ClassPrivateMethod') return undefined;
    if (current.node.type === 'ClassMethod' && current.node.static) return { cls: current.parent?.parent as Path, isStatic: true };
  }
  return undefined;
}

/** The type annotation of a class property or constructor property named `name`. */
export function propertyAnnotation(classNode: Node, name: string): Node | undefined {
  for (const member of (classNode.body as Node).body as Node[]) {
    if (member.type === 'ClassProperty' && exportName(member.key as Node) === name) return ((member.typeAnnotation as Node | undefined)?.typeAnnotation as Node | undefined) ?? undefined;
    if (member.type === 'ClassMethod' && member.kind === 'constructor') {
      for (const param of member.params as Node[]) {
        const inner = param.type === 'TSParameterProperty' ? (param.parameter as Node) : undefined;
        if (inner && isIdentifier(inner) && inner.name === name) return (inner.typeAnnotation as Node | undefined)?.typeAnnotation as Node | undefined;
      }
    }
  }
  return undefined;
}

/** The name of the class a method belongs to, if the class has one. */
export function classNameOf(method: Path): string | undefined {
  const classNode = (method.parent?.parent as Path | null)?.node;
  const id = classNode?.id as Node | undefined;
  return id?.name as string | undefined;
}
