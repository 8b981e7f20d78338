import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';

export interface AttentionOperands {
  /** [batch, heads, seq, d] */
  readonly q: Value;
  /** [batch, kvHeads, keys, d]; heads must be a multiple of kvHeads (grouped-query attention). */
  readonly k: Value;
  readonly v: Value;
  readonly scale: number;
  /** bool, broadcastable to [batch, heads, seq, keys]. */
  readonly allowed: Value;
  /** Added to the scaled scores (ALiBi), broadcastable to [batch, heads, seq, keys]. */
  readonly bias?: Value;
  readonly maskedScore: number;
}

/**
 * softmax(q kᵀ · scale + bias, masked) v. With grouped-query attention the query heads are viewed as
 * [kvHeads, groups] so each K/V head serves its group by broadcasting, without copying K/V.
 */
export function scaledDotProductAttention(o: AttentionOperands): Value {
  const [batch, heads, seq, d] = o.q.shape;
  const kvHeads = o.k.dim(1) as number;
  const groups = (heads as number) / kvHeads;
  const keys = o.k.dim(2);
  const grouped = groups !== 1;
  const q = grouped ? ops.reshape(o.q, [batch, kvHeads, groups, seq, d]) : o.q;
  const k = grouped ? ops.reshape(o.k, [batch, kvHeads, 1, keys, d]) : o.k;
  const v = grouped ? ops.reshape(o.v, [batch, kvHeads, 1, keys, d]) : o.v;
  let scores = ops.mul(ops.matmul(q, ops.transposeLast2(k)), o.scale);
  if (grouped) scores = ops.reshape(scores, [batch, heads, seq, keys]);
  if (o.bias !== undefined) scores = ops.add(scores, o.bias);
  const masked = ops.where(o.allowed, scores, o.maskedScore);
  let probs = ops.softmax(masked, -1);
  if (grouped) probs = ops.reshape(probs, [batch, kvHeads, groups, seq, keys]);
  const context = ops.matmul(probs, v);
  return grouped ? ops.reshape(context, [batch, heads, seq, d]) : context;
}
