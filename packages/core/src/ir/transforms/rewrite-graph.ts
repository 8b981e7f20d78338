import type { Graph } from '../graph';
import { Graph as GraphClass } from '../graph';
import type { Node } from '../node';
import type { Shape } from '../shape';
import type { Value } from '../value';

export interface RewriteHooks {
  /** Shape for a copied graph input (default: unchanged). */
  inputShape?(input: Value): Shape;
  /** Replacement for a node, built in `target` from the mapped inputs; undefined = copy the node. */
  node?(node: Node, inputs: readonly Value[], target: Graph): Value | undefined;
  /** Nodes to leave out (nothing kept may depend on them). */
  skip?(node: Node): boolean;
  /** Attributes for a copied node (default: unchanged). */
  attrs?(node: Node): Node['attrs'];
}

/** Copies a graph node by node (inputs, nodes, outputs; names kept), letting hooks change parts. */
export function rewriteGraph(source: Graph, hooks: RewriteHooks = {}, name = source.name): Graph {
  const target = new GraphClass(source.registry, name);
  const map = new Map<number, Value>();
  for (const input of source.inputs) map.set(input.id, target.input(input.name as string, input.dtype, hooks.inputShape?.(input) ?? input.shape));
  const mapped = (v: Value) => map.get(v.id) as Value;
  for (const node of source.nodes) {
    if (hooks.skip?.(node)) continue;
    const inputs = node.inputs.map(mapped);
    const replaced = hooks.node?.(node, inputs, target);
    map.set(node.id, replaced ?? target.apply(node.op, inputs, hooks.attrs?.(node) ?? node.attrs));
  }
  for (const output of source.outputs) target.output(output.name, mapped(output.value));
  return target;
}
