import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';

/**
 * softplus(x) = log(1 + e^x) in IR ops, stable for large |x|: relu(x) + log(1 + e^−|x|).
 * −log σ(m) = softplus(−m), so this is the pairwise ranking and DPO loss of a margin.
 */
export function graphSoftplus(x: Value): Value {
  const magnitude = ops.max(x, ops.neg(x));
  return ops.add(ops.relu(x), ops.log(ops.add(ops.exp(ops.neg(magnitude)), 1)));
}
