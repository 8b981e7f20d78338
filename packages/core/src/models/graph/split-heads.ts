import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';

/** [batch, seq, heads * d] → [batch, heads, seq, d]. */
export function splitHeads(x: Value, heads: number, headDim: number): Value {
  return ops.transpose(ops.reshape(x, [x.dim(0), x.dim(1), heads, headDim]), [0, 2, 1, 3]);
}

/** [batch, heads, seq, d] → [batch, seq, heads * d]. */
export function mergeHeads(x: Value): Value {
  const [batch, heads, seq, d] = x.shape;
  return ops.reshape(ops.transpose(x, [0, 2, 1, 3]), [batch, seq, (heads as number) * (d as number)]);
}
