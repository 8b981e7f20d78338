import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';

/** HF `nn.Linear`: x @ weightᵀ (+ bias), weight stored [out, in] as in HF checkpoints. */
export function linear(x: Value, weight: Value, bias?: Value): Value {
  const y = ops.matmul(x, ops.transposeLast2(weight));
  return bias === undefined ? y : ops.add(y, bias);
}
