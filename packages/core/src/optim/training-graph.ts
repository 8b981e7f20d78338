import { createGraph, grad, ops, type DType, type Graph, type Shape, type Value } from '../ir';
import type { AdamWOptions } from './adamw-options';
import { adamWNames as names } from './adamw-names';
import { appendAdamW } from './adamw-step';

/** A trainable parameter declared by a model's forward function (a graph input). */
export interface TrainableParam {
  readonly name: string;
  readonly value: Value;
  /** @defaultValue true */
  readonly decay?: boolean;
}

/** Builds the forward pass into `g`: declares its inputs (data and params) and returns the scalar loss. */
export type ForwardFn = (g: Graph) => { loss: Value; params: readonly TrainableParam[] };

/**
 * One training step as one graph: forward → loss → backward → AdamW. Outputs: 'loss', 'gradNorm',
 * new:<param>, new:m:<param>, new:v:<param>. Inputs: the forward's inputs plus m:/v: per param, lr, step, gradScale.
 */
export function buildTrainStepGraph(forward: ForwardFn, options: AdamWOptions = {}, name = 'train-step'): Graph {
  const g = createGraph(name);
  const { loss, params } = forward(g);
  g.output('loss', loss);
  const grads = grad(loss, params.map((p) => p.value));
  appendAdamW(params.map((p, i) => ({ name: p.name, param: p.value, grad: grads[i], decay: p.decay })), options);
  return g;
}

/**
 * Gradient accumulation, micro-batch part: forward → loss → backward, adding each gradient into an
 * accumulator input acc:<param>; outputs 'loss' and new:acc:<param>. Feed zeros for the first micro-batch.
 */
export function buildAccumulateGraph(forward: ForwardFn, name = 'accumulate'): Graph {
  const g = createGraph(name);
  const { loss, params } = forward(g);
  g.output('loss', loss);
  grad(loss, params.map((p) => p.value)).forEach((d, i) => {
    const p = params[i].value;
    const acc = g.input(names.accumulator(params[i].name), p.dtype, p.shape);
    g.output(names.updatedAccumulator(params[i].name), ops.add(acc, d));
  });
  return g;
}

/** Parameter description for the apply graph. */
export interface ParamSpec { readonly name: string; readonly dtype: DType; readonly shape: Shape; readonly decay?: boolean }

/**
 * Gradient accumulation, apply part: AdamW from accumulated gradients (inputs grad:<param>, scaled
 * by the gradScale input, typically 1 / micro-batches). Same outputs as the train-step graph minus 'loss'.
 */
export function buildAdamWApplyGraph(params: readonly ParamSpec[], options: AdamWOptions = {}, name = 'adamw-apply'): Graph {
  const g = createGraph(name);
  const slots = params.map((p) => ({
    name: p.name,
    param: g.input(names.param(p.name), p.dtype, p.shape),
    grad: g.input(names.grad(p.name), p.dtype, p.shape),
    decay: p.decay,
  }));
  appendAdamW(slots, options);
  return g;
}
