import type { Graph } from '../graph';
import { rewriteGraph } from './rewrite-graph';

/**
 * A copy of `graph` where every fused op not named in `keep` is replaced by its decomposition;
 * repeated until none is left, since a decomposition may use another fused op.
 */
export function decomposeFused(graph: Graph, keep: ReadonlySet<string> = new Set()): Graph {
  const pending = (g: Graph) => g.nodes.some((n) => g.registry.get(n.op).fused === true && !keep.has(n.op));
  let current = graph;
  for (let depth = 0; pending(current); depth++) {
    if (depth > 8) throw new Error(`decomposeFused: fused ops still present after ${depth} rounds (cyclic decomposition?)`);
    current = rewriteGraph(current, {
      node(node, inputs) {
        const def = current.registry.get(node.op);
        return def.fused && !keep.has(node.op) && def.decompose ? def.decompose(inputs, node.attrs) : undefined;
      },
    });
  }
  return current;
}
