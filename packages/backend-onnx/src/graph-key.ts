import type { Graph } from '@okapi/core';

/** Stable small ids for graphs and baked tensors, without keeping them alive. */
const ids = new WeakMap<object, number>();
let nextId = 0;

/**
 * The session-cache key of a graph in one shape bucket. Graphs grow while traced (autodiff appends
 * the backward pass), so the node and output counts are part of the identity.
 */
export function graphKey(
  graph: Graph, dims: Readonly<Record<string, number>>, decompose: readonly string[] | 'all' | undefined, fused: unknown,
  constants: readonly object[] = [],
): string {
  const bound = Object.keys(dims).sort().map((k) => `${k}=${dims[k]}`).join(',');
  const baked = constants.map(identity).join(',');
  return `${identity(graph)}/${graph.nodes.length}/${graph.outputs.length}|${bound}|${JSON.stringify(decompose ?? [])}|${JSON.stringify(fused)}|${baked}`;
}

function identity(object: object): number {
  let id = ids.get(object);
  if (id === undefined) {
    id = nextId++;
    ids.set(object, id);
  }
  return id;
}
