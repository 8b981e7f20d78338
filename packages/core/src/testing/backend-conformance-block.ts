import { createGraph, grad, hostTensor, numel, ops, seededRandom, uniformValues, type Graph, type HostTensor } from '../ir';
import type { TrainableParam } from '../optim/training-graph';
import { transformerBlock, type BlockShape } from './backend-conformance-models';

export const blockShape: BlockShape = { batch: 'batch', seq: 'seq', hidden: 16, heads: 2 };
export const blockDims = { batch: 2, seq: 5 };

/** The random transformer block: output 'y', and with `withGradients` 'grad:<param>' for x and every param. */
export function blockGraph(withGradients: boolean): Graph {
  const g = createGraph('transformer-block');
  const x = g.input('x', 'float32', [blockShape.batch, blockShape.seq, blockShape.hidden]);
  const params: TrainableParam[] = [];
  const y = transformerBlock(g, x, blockShape, params);
  g.output('y', y);
  if (withGradients) {
    const weights = g.input('__weights', 'float32', y.shape);
    const grads = grad(ops.reduceSum(ops.mul(y, weights), [], false), [x, ...params.map((p) => p.value)]);
    ['x', ...params.map((p) => p.name)].forEach((name, i) => g.output(`grad:${name}`, grads[i]));
  }
  return g;
}

/** Seeded feeds with static sizes from `blockDims`; norms near 1, weights ±0.3, positions 0..seq-1. */
export function blockFeeds(graph: Graph, seed = 5): Record<string, HostTensor> {
  const random = seededRandom(seed);
  const feeds: Record<string, HostTensor> = {};
  for (const input of graph.inputs) {
    const shape = input.shape.map((d) => (typeof d === 'number' ? d : blockDims[d as keyof typeof blockDims]));
    const n = numel(shape);
    const name = input.name as string;
    if (name === 'position_ids') feeds[name] = hostTensor('int64', shape, Array.from({ length: n }, (_, i) => i % blockDims.seq));
    else if (name.endsWith('norm.weight')) feeds[name] = hostTensor('float32', shape, uniformValues(random, n, 0.8, 1.2));
    else feeds[name] = hostTensor('float32', shape, uniformValues(random, n, name === 'x' ? -1 : -0.3, name === 'x' ? 1 : 0.3));
  }
  return feeds;
}
