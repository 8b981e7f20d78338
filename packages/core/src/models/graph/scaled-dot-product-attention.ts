// softmax(q kᵀ · scale + bias, masked) v in primitive ops (grouped-query heads by broadcasting): the
// decomposition of the fused CausalAttention op, under the name model graphs and the eval scorers use.
export { decomposedAttention as scaledDotProductAttention, type AttentionOperands } from '../../ir/ops/causal-attention';
