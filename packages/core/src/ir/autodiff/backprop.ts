import { IrError } from '../ir-error';
import type { Node } from '../node';
import type { GradContext } from '../op-def';
import { add } from '../ops/add';
import { isFloat } from '../ops/op-kit';
import type { Value } from '../value';
import { sumToShape } from './sum-to-shape';

/** Value ids that depend on any source, within `nodes` (sources included). */
function dependents(nodes: readonly Node[], sources: ReadonlySet<number>): Set<number> {
  const reached = new Set(sources);
  for (const node of nodes) if (node.inputs.some((v) => reached.has(v.id))) reached.add(node.id);
  return reached;
}

/**
 * Reverse-mode accumulation over `nodes` (topological order), appending gradient ops to their graph.
 * `seeds` maps value ids to their incoming gradients; returns the gradient of every reached value.
 */
export function backprop(nodes: readonly Node[], seeds: ReadonlyMap<number, Value>, sources: ReadonlySet<number>): Map<number, Value> {
  const grads = new Map(seeds);
  const needed = dependents(nodes, sources);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    const dy = grads.get(node.id);
    if (dy === undefined) continue;
    const wants = node.inputs.map((v) => needed.has(v.id) && isFloat(v.dtype));
    if (!wants.some(Boolean)) continue;
    const ctx: GradContext = { node, inputs: node.inputs, output: node.output, attrs: node.attrs, dy, wants };
    const inputGrads = gradientRule(node)(ctx);
    node.inputs.forEach((input, k) => {
      const g = inputGrads[k];
      if (!wants[k] || g === undefined) return;
      const shaped = sumToShape(g, input.shape);
      const previous = grads.get(input.id);
      grads.set(input.id, previous === undefined ? shaped : add(previous, shaped));
    });
  }
  return grads;
}

function gradientRule(node: Node): (ctx: GradContext) => readonly (Value | undefined)[] {
  const def = node.output.graph.registry.get(node.op);
  if (def.grad) return def.grad;
  if (def.fused && def.decompose) return decompositionGrad(def.decompose);
  throw new IrError(`autodiff: op '${node.op}' (node %${node.id}) is not differentiable`, 'Keep non-differentiable ops (comparisons, Iota, integer math) off the path from the loss to the parameters.');
}

/** Differentiates a fused op through its decomposition, recomputed in the backward section. */
function decompositionGrad(decompose: (inputs: readonly Value[], attrs: Node['attrs']) => Value) {
  return (ctx: GradContext): (Value | undefined)[] => {
    const graph = ctx.output.graph;
    const start = graph.nodes.length;
    const out = decompose(ctx.inputs, ctx.attrs);
    const sources = new Set(ctx.inputs.filter((_, i) => ctx.wants[i]).map((v) => v.id));
    const grads = backprop(graph.nodes.slice(start), new Map([[out.id, ctx.dy]]), sources);
    return ctx.inputs.map((v, i) => (ctx.wants[i] ? grads.get(v.id) : undefined));
  };
}
