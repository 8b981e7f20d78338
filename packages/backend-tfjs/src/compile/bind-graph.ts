import { bindShape, type AttrValue, type Attrs, type DType, type Graph, type Node } from '@okapi/core';

/** A value with its shape fixed for one shape bucket. */
export interface BoundValue {
  readonly id: number;
  readonly dtype: DType;
  readonly shape: readonly number[];
}

export interface BoundNode {
  readonly node: Node;
  readonly op: string;
  /** Attributes with symbolic dims replaced by sizes. */
  readonly attrs: Attrs;
  readonly inputs: readonly BoundValue[];
  readonly output: BoundValue;
}

export interface BoundGraph {
  readonly name: string;
  readonly inputs: readonly (BoundValue & { readonly name: string })[];
  readonly nodes: readonly BoundNode[];
  readonly outputs: readonly { readonly name: string; readonly value: BoundValue }[];
}

/** Fixes every symbolic dim of the graph (value shapes and dim attributes) for `dims`. */
export function bindGraph(graph: Graph, dims: Readonly<Record<string, number>>): BoundGraph {
  const values = new Map<number, BoundValue>();
  const bind = (v: { id: number; dtype: DType; shape: Graph['inputs'][number]['shape'] }, where: string): BoundValue => {
    let bound = values.get(v.id);
    if (bound === undefined) {
      bound = { id: v.id, dtype: v.dtype, shape: bindShape(v.shape, dims, where) };
      values.set(v.id, bound);
    }
    return bound;
  };
  const inputs = graph.inputs.map((v) => ({ ...bind(v, `input '${v.name}' of graph '${graph.name}'`), name: v.name as string }));
  const nodes = graph.nodes.map((node, i) => {
    const where = `${node.op} (node ${i} of graph '${graph.name}')`;
    return { node, op: node.op, attrs: bindAttrs(graph, node, dims, where), inputs: node.inputs.map((v) => bind(v, where)), output: bind(node.output, where) };
  });
  const outputs = graph.outputs.map((o) => ({ name: o.name, value: bind(o.value, `output '${o.name}'`) }));
  return { name: graph.name, inputs, nodes, outputs };
}

function bindAttrs(graph: Graph, node: Node, dims: Readonly<Record<string, number>>, where: string): Attrs {
  const dimAttrs = graph.registry.get(node.op).dimAttrs ?? [];
  if (dimAttrs.length === 0) return node.attrs;
  const out: Record<string, AttrValue> = { ...node.attrs };
  for (const name of dimAttrs) {
    const v = node.attrs[name];
    if (Array.isArray(v)) out[name] = bindShape(v as readonly (number | string)[], dims, `${where}, attribute '${name}'`);
  }
  return out;
}
