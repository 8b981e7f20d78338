import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';

/** A term added to a linear's output, computed from its input (LoRA's scaled B·A·x). */
export type LinearAdapter = (x: Value) => Value;

// Keyed by the weight's graph value, so adapters live and die with their graph; families stay unaware.
const adapters = new WeakMap<Value, LinearAdapter>();

/** Makes every `linear` that reads `weight` (a value of one graph) add `adapter(x)` to its output. */
export function adaptLinear(weight: Value, adapter: LinearAdapter): void {
  adapters.set(weight, adapter);
}

/** HF `nn.Linear`: x @ weightᵀ (+ bias), weight stored [out, in] as in HF checkpoints (+ an attached adapter). */
export function linear(x: Value, weight: Value, bias?: Value): Value {
  const y = ops.matmul(x, ops.transposeLast2(weight));
  const biased = bias === undefined ? y : ops.add(y, bias);
  const adapter = adapters.get(weight);
  return adapter === undefined ? biased : ops.add(biased, adapter(x));
}
