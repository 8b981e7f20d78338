import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';

/**
 * Position of each token counted over real tokens only: cumsum(mask) - 1, 0 on pads. Equal to
 * 0..n-1 without padding, and makes left-padded rows see the same positions as unpadded ones
 * (HF generate builds position_ids the same way).
 */
export function positionsFromMask(attentionMask: Value): Value {
  return ops.mul(ops.sub(ops.cumSum(attentionMask, -1), 1), attentionMask);
}
