import { IrError } from '../ir-error';
import { expand } from '../ops/expand';
import { scalar } from '../ops/op-kit';
import type { Value } from '../value';
import { backprop } from './backprop';

/**
 * Appends the backward pass of `loss` to its graph and returns d(loss)/d(w) for each `wrt` value
 * (same shape as w; zeros when the loss does not depend on w). `seed` is d(final)/d(loss), default 1.
 */
export function grad(loss: Value, wrt: readonly Value[], seed?: Value): Value[] {
  const graph = loss.graph;
  for (const w of wrt) {
    if (w.graph !== graph) throw new IrError('grad: a wrt value belongs to another graph', 'Differentiate values of the loss\'s graph.');
  }
  const end = loss.node ? graph.nodes.indexOf(loss.node) + 1 : 0;
  const nodes = graph.nodes.slice(0, end);
  const dy = seed ?? expand(scalar(loss, 1), loss.shape);
  const grads = backprop(nodes, new Map([[loss.id, dy]]), new Set(wrt.map((w) => w.id)));
  return wrt.map((w) => grads.get(w.id) ?? expand(scalar(w, 0), w.shape));
}
