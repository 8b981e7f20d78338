import type { AttrValue } from '../attrs';
import type { Graph } from '../graph';
import { toFloat64, type HostTensor } from '../host-tensor';
import type { Node } from '../node';
import { shapeEquals } from '../shape';
import type { Value } from '../value';
import { rewriteGraph } from './rewrite-graph';

const smallConstant = 16;

function attrKey(value: AttrValue): string | undefined {
  if (typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const t = value as HostTensor;
  if (t.data.length > smallConstant) return undefined;
  return `${t.dtype}[${t.shape}](${[...toFloat64(t)].join(',')})`;
}

/** A key equal for nodes that compute the same thing from the same inputs (undefined: never merge). */
function nodeKey(node: Node, inputs: readonly Value[]): string | undefined {
  const attrs: string[] = [];
  for (const name of Object.keys(node.attrs).sort()) {
    const key = attrKey(node.attrs[name]);
    if (key === undefined) return undefined;
    attrs.push(`${name}=${key}`);
  }
  return `${node.op}(${inputs.map((v) => v.id).join(',')}){${attrs.join(';')}}`;
}

/** Reshape/Expand to the same shape and identity Transposes are no-ops. */
function isIdentity(node: Node, inputs: readonly Value[]): boolean {
  const x = inputs[0];
  if (node.op === 'Reshape' || node.op === 'Expand') return shapeEquals(x.shape, node.output.shape);
  if (node.op === 'Transpose') return (node.attrs.perm as number[]).every((p, i) => p === i);
  return false;
}

/**
 * A copy with common subexpressions merged (same op, inputs and attributes; small constants by value)
 * and identity reshapes/expands/transposes removed. Autodiff output has many of both.
 */
export function simplifyGraph(graph: Graph): Graph {
  const seen = new Map<string, Value>();
  return rewriteGraph(graph, {
    node(node, inputs, target) {
      if (isIdentity(node, inputs)) return inputs[0];
      const key = nodeKey(node, inputs);
      if (key === undefined) return undefined;
      const existing = seen.get(key);
      if (existing) return existing;
      const value = target.apply(node.op, inputs, node.attrs);
      seen.set(key, value);
      return value;
    },
  });
}
