import type { Graph } from '../graph';
import type { HostTensor } from '../host-tensor';
import { IrError } from '../ir-error';
import { showShape, shapeEquals } from '../shape';
import { bindDims, inferDims } from '../transforms/bind-dims';
import { decomposeFused } from '../transforms/decompose-fused';
import { referenceKernels } from './all-kernels';
import { fromHost, type RefTensor } from './ref-tensor';

export interface ReferenceOptions {
  /** Run fused ops through their decomposition instead of their own kernel. */
  readonly decompose?: boolean;
}

/** A graph bound to static dims, ready to run on the float64 reference kernels. */
export class ReferenceProgram {
  readonly graph: Graph;

  constructor(graph: Graph, dims: Readonly<Record<string, number>> = {}, options: ReferenceOptions = {}) {
    const bound = bindDims(graph, dims);
    this.graph = options.decompose ? decomposeFused(bound) : bound;
    for (const node of this.graph.nodes) {
      if (!referenceKernels[node.op]) throw new IrError(`reference interpreter: no kernel for op '${node.op}'`, 'Add one under ir/interpret/kernels/.');
    }
  }

  /** Runs every node; returns the named outputs. */
  run(feeds: Readonly<Record<string, RefTensor>>): Record<string, RefTensor> {
    const values = new Map<number, RefTensor>();
    for (const input of this.graph.inputs) {
      const feed = feeds[input.name as string];
      if (feed === undefined) throw new IrError(`Graph '${this.graph.name}': input '${input.name}' was not fed`, `Feed every input: ${this.graph.inputs.map((i) => i.name).join(', ')}.`);
      if (!shapeEquals(feed.shape, input.shape)) {
        throw new IrError(`Graph '${this.graph.name}': input '${input.name}' fed shape ${showShape(feed.shape)}, expected ${showShape(input.shape)}`, 'Feed tensors of the declared (bound) shape.');
      }
      values.set(input.id, feed);
    }
    for (const node of this.graph.nodes) {
      const out = { dtype: node.output.dtype, shape: node.output.shape as number[] };
      try {
        values.set(node.id, referenceKernels[node.op](node.inputs.map((v) => values.get(v.id) as RefTensor), node.attrs, out));
      } catch (error) {
        throw new IrError(`Graph '${this.graph.name}': ${node.op} (node %${node.id}) failed: ${(error as Error).message}`, 'Check the values fed to the graph (e.g. ids within the vocabulary).');
      }
    }
    return Object.fromEntries(this.graph.outputs.map((o) => [o.name, values.get(o.value.id) as RefTensor]));
  }
}

/** Runs a graph once on host tensors, binding symbolic dims from the feeds' shapes. */
export function interpret(graph: Graph, feeds: Readonly<Record<string, HostTensor>>, options: ReferenceOptions = {}): Record<string, RefTensor> {
  const program = new ReferenceProgram(graph, inferDims(graph, feeds), options);
  return program.run(Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, fromHost(v)])));
}
