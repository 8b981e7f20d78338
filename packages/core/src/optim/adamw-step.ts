import { ops } from '../ir';
import type { DType } from '../ir/dtype';
import type { Value } from '../ir/value';
import { adamWDefaults, type AdamWOptions, type ParamSlot } from './adamw-options';
import { adamWNames as names } from './adamw-names';
import { clipByGlobalNorm } from './global-norm-clip';

function memoByDType<T>(make: (dtype: DType) => T): (dtype: DType) => T {
  const cache = new Map<DType, T>();
  return (dtype) => {
    let value = cache.get(dtype);
    if (value === undefined) cache.set(dtype, (value = make(dtype)));
    return value;
  };
}

export interface AdamWUpdate {
  readonly name: string;
  readonly param: Value;
  readonly m: Value;
  readonly v: Value;
}

/**
 * Appends one AdamW step (PyTorch torch.optim.AdamW semantics) to the slots' graph. Adds inputs
 * m:<name>, v:<name> per slot and the scalars lr, step, gradScale; adds outputs new:<name>,
 * new:m:<name>, new:v:<name> and gradNorm. Feeding the new:* outputs back as the next step's inputs
 * keeps weights and moments resident on the device.
 */
export function appendAdamW(slots: readonly ParamSlot[], options: AdamWOptions = {}): AdamWUpdate[] {
  const { beta1, beta2, eps, weightDecay } = { ...adamWDefaults, ...options };
  const graph = slots[0].param.graph;
  const lr = graph.input(names.lr, 'float32', []);
  const step = graph.input(names.step, 'float32', []);
  const gradScale = graph.input(names.gradScale, 'float32', []);
  const scaled = slots.map((s) => ops.mul(s.grad, ops.cast(gradScale, s.grad.dtype)));
  const { norm, clipped } = clipByGlobalNorm(scaled, options.maxGradNorm);
  graph.output(names.gradNorm, norm);
  const bias1 = ops.sub(1, ops.pow(ops.scalar(step, beta1), step));
  const bias2 = ops.sub(1, ops.pow(ops.scalar(step, beta2), step));
  // step-wide scalars, built once per parameter dtype
  const scalars = memoByDType((dtype) => ({
    stepSize: ops.cast(ops.div(lr, bias1), dtype),
    sqrtBias2: ops.cast(ops.sqrt(bias2), dtype),
    decayFactor: ops.cast(ops.sub(1, ops.mul(lr, weightDecay)), dtype),
  }));
  return slots.map((slot, i) => {
    const { param } = slot;
    const g = clipped[i];
    const { stepSize, sqrtBias2, decayFactor } = scalars(param.dtype);
    const m = graph.input(names.firstMoment(slot.name), param.dtype, param.shape);
    const v = graph.input(names.secondMoment(slot.name), param.dtype, param.shape);
    const newM = ops.add(ops.mul(m, beta1), ops.mul(g, 1 - beta1));
    const newV = ops.add(ops.mul(v, beta2), ops.mul(ops.mul(g, g), 1 - beta2));
    const decayed = slot.decay === false || weightDecay === 0 ? param : ops.mul(param, decayFactor);
    // p -= (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps)
    const denom = ops.add(ops.div(ops.sqrt(newV), sqrtBias2), eps);
    const newParam = ops.sub(decayed, ops.mul(stepSize, ops.div(newM, denom)));
    graph.output(names.updatedParam(slot.name), newParam);
    graph.output(names.updatedFirstMoment(slot.name), newM);
    graph.output(names.updatedSecondMoment(slot.name), newV);
    return { name: slot.name, param: newParam, m: newM, v: newV };
  });
}
