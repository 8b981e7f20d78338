import { decomposedAttention, type AttentionOperands } from '../../ir/ops/causal-attention';
import type { Value } from '../../ir/value';

export type { AttentionOperands } from '../../ir/ops/causal-attention';

/**
 * softmax(q kᵀ · scale + bias, masked) v. With grouped-query attention the query heads are viewed as
 * [kvHeads, groups] so each K/V head serves its group by broadcasting, without copying K/V.
 */
export function scaledDotProductAttention(o: AttentionOperands): Value {
  return decomposedAttention(o);
}
