import type { Graph } from '@okapi/core';

const graphIds = new WeakMap<Graph, number>();
let nextGraphId = 0;

/**
 * The session-cache key of a graph in one shape bucket. Graphs grow while traced (autodiff appends
 * the backward pass), so the node and output counts are part of the identity.
 */
export function graphKey(graph: Graph, dims: Readonly<Record<string, number>>, decompose: readonly string[] | 'all' | undefined, fused: unknown): string {
  let id = graphIds.get(graph);
  if (id === undefined) {
    id = nextGraphId++;
    graphIds.set(graph, id);
  }
  const bound = Object.keys(dims).sort().map((k) => `${k}=${dims[k]}`).join(',');
  return `${id}/${graph.nodes.length}/${graph.outputs.length}|${bound}|${JSON.stringify(decompose ?? [])}|${JSON.stringify(fused)}`;
}
