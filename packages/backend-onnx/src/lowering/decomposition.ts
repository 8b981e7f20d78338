import { Graph, type OpDef } from '@okapi/core';
import type { OnnxLowering } from './onnx-lowering';

/**
 * Lowers a fused op through its IR decomposition: the decomposition is traced into a scratch graph
 * whose inputs stand for the node's inputs, and that graph's nodes are lowered inline.
 */
export function lowerByDecomposition(def: OpDef): OnnxLowering {
  const decompose = def.decompose;
  if (decompose === undefined) throw new Error(`op '${def.name}' has no decomposition`);
  return (ctx) => {
    const { node, lowerer } = ctx;
    const scratch = new Graph(node.output.graph.registry, `${def.name}_${node.id}`);
    const inputs = node.inputs.map((v, i) => {
      const stand = scratch.input(`in${i}`, v.dtype, ctx.dimsOf(i));
      lowerer.alias(stand, ctx.input(i));
      return stand;
    });
    const result = decompose(inputs, node.attrs);
    lowerer.lowerNodes(scratch.nodes);
    return lowerer.nameOf(result);
  };
}
