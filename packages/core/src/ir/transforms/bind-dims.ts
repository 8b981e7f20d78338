import type { Attrs } from '../attrs';
import type { Graph } from '../graph';
import type { HostTensor } from '../host-tensor';
import { IrError } from '../ir-error';
import { bindDim, bindShape, dimNames, type Dim } from '../shape';
import { rewriteGraph } from './rewrite-graph';

/**
 * A copy of `graph` with every symbolic dim replaced by its size (input shapes and the ops'
 * `dimAttrs`); shape inference then makes every value static.
 */
export function bindDims(graph: Graph, dims: Readonly<Record<string, number>>): Graph {
  return rewriteGraph(graph, {
    inputShape: (input) => bindShape(input.shape, dims, `input '${input.name}' of graph '${graph.name}'`),
    attrs(node) {
      const names = graph.registry.get(node.op).dimAttrs ?? [];
      if (names.length === 0) return node.attrs;
      const attrs: Record<string, Attrs[string]> = { ...node.attrs };
      for (const name of names) {
        const value = attrs[name];
        if (Array.isArray(value)) attrs[name] = (value as Dim[]).map((d) => bindDim(d, dims, `${node.op} attribute '${name}'`));
      }
      return attrs;
    },
  });
}

/** Sizes of the symbolic dims of a graph's inputs, read from the shapes of the tensors fed to them. */
export function inferDims(graph: Graph, feeds: Readonly<Record<string, Pick<HostTensor, 'shape'>>>): Record<string, number> {
  const dims: Record<string, number> = {};
  for (const input of graph.inputs) {
    const feed = feeds[input.name as string];
    if (feed === undefined || feed.shape.length !== input.shape.length) continue;
    input.shape.forEach((d, i) => {
      if (typeof d !== 'string' || d.includes('*') || d.includes('+')) return; // expressions follow from their names
      const size = feed.shape[i];
      if (dims[d] !== undefined && dims[d] !== size) {
        throw new IrError(`Graph '${graph.name}': dim '${d}' is ${dims[d]} in one input and ${size} in '${input.name}'`, 'Feed tensors whose shared symbolic dims agree.');
      }
      dims[d] = size;
    });
  }
  checkExpressionDims(graph, feeds, dims);
  return dims;
}

/** A fed size of a product or sum dim ('past+seq') must equal what its names' sizes make. */
function checkExpressionDims(graph: Graph, feeds: Readonly<Record<string, Pick<HostTensor, 'shape'>>>, dims: Readonly<Record<string, number>>): void {
  for (const input of graph.inputs) {
    const feed = feeds[input.name as string];
    if (feed === undefined || feed.shape.length !== input.shape.length) continue;
    input.shape.forEach((d, i) => {
      if (typeof d !== 'string' || !(d.includes('*') || d.includes('+')) || !dimNames(d).every((n) => dims[n] !== undefined)) return;
      const want = bindDim(d, dims, `input '${input.name}'`);
      if (feed.shape[i] !== want) {
        throw new IrError(`Graph '${graph.name}': input '${input.name}' axis ${i} ('${d}') is ${feed.shape[i]}, but the other inputs make it ${want}`,
          'Feed tensors whose sizes agree, e.g. an attention mask covering past and new tokens.');
      }
    });
  }
}
