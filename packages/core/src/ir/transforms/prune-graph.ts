import type { Graph } from '../graph';
import type { Node } from '../node';
import { rewriteGraph } from './rewrite-graph';

/** Nodes the outputs depend on, in order. */
export function liveNodes(graph: Graph): Node[] {
  const live = new Set<number>(graph.outputs.map((o) => o.value.id));
  const result: Node[] = [];
  for (let i = graph.nodes.length - 1; i >= 0; i--) {
    const node = graph.nodes[i];
    if (!live.has(node.id)) continue;
    result.push(node);
    for (const input of node.inputs) live.add(input.id);
  }
  return result.reverse();
}

/** A copy without the nodes no output depends on (graph inputs are all kept, so feeds stay valid). */
export function pruneGraph(graph: Graph): Graph {
  const live = new Set(liveNodes(graph).map((n) => n.id));
  return rewriteGraph(graph, { skip: (node) => !live.has(node.id) });
}
