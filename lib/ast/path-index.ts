import type { Collection, JSCodeshift } from 'jscodeshift';
import { FUNCTION_TYPES, type Node, type Path } from './nodes';

/**
 * Every path of a file, bucketed by node type, from one traversal. Analyses ask this index
 * instead of walking the tree again for each question (`root.find()` walks it every time).
 */
export class PathIndex {
  private readonly byType = new Map<string, Path[]>();

  constructor(j: JSCodeshift, root: Collection) {
    const byType = this.byType;
    j.types.visit(root.get().node, {
      visitNode(path) {
        const type = (path.node as unknown as Node).type;
        let bucket = byType.get(type);
        if (!bucket) byType.set(type, (bucket = []));
        bucket.push(path as unknown as Path);
        this.traverse(path);
      },
    });
  }

  /** Paths of the given node types, in source order. */
  of(...types: string[]): Path[] {
    if (types.length === 1) return this.byType.get(types[0]!) ?? [];
    return types.flatMap((t) => this.byType.get(t) ?? []).sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0));
  }

  /** Paths of the given node types lying inside `node` (itself excluded). */
  within(node: Node, ...types: string[]): Path[] {
    const start = node.start ?? 0;
    const end = node.end ?? 0;
    return this.of(...types).filter((p) => p.node !== node && (p.node.start ?? 0) >= start && (p.node.end ?? 0) <= end);
  }

  /** Identifier paths with the given name, in source order. */
  named(name: string): Path[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const path of this.of('Identifier')) {
        const id = path.node.name as string;
        let bucket = this.byName.get(id);
        if (!bucket) this.byName.set(id, (bucket = []));
        bucket.push(path);
      }
    }
    return this.byName.get(name) ?? [];
  }

  private byName: Map<string, Path[]> | undefined;

  /** The path of a node of this file (undefined for a node of another tree). */
  pathOf(node: Node): Path | undefined {
    if (!this.byNode) {
      this.byNode = new Map();
      for (const bucket of this.byType.values()) for (const path of bucket) this.byNode.set(path.node, path);
    }
    return this.byNode.get(node);
  }

  private byNode: Map<Node, Path> | undefined;

  functions(): Path[] {
    return this.of(...FUNCTION_TYPES);
  }

  calls(): Path[] {
    return this.of('CallExpression', 'OptionalCallExpression');
  }
}
