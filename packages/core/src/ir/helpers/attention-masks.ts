import type { DType } from '../dtype';
import { and } from '../ops/and';
import { cast } from '../ops/cast';
import { equal } from '../ops/equal';
import { greater } from '../ops/greater';
import { iota } from '../ops/iota';
import { not } from '../ops/not';
import { scalar } from '../ops/op-kit';
import { reshape, unsqueeze } from '../ops/reshape';
import { where } from '../ops/where';
import type { Dim } from '../shape';
import type { Value } from '../value';

/**
 * Causal visibility: true where key slot j <= the query's slot. `queryPositions` is [..., q] (ints):
 * each query's index in the key sequence (HF cache_position), so a KV-cache decode step works. Under
 * left padding these are slot indices, not the rotary position_ids. Result [..., q, keyLength].
 */
export function causalMask(queryPositions: Value, keyLength: Dim): Value {
  const keys = iota(queryPositions.graph, keyLength, queryPositions.dtype);
  return not(greater(keys, unsqueeze(queryPositions, -1)));
}

/** Key visibility from a 0/1 attention mask [b, k]: bool [b, 1, 1, k] (broadcasts over heads and queries). */
export function paddingMask(attentionMask: Value): Value {
  const visible = not(equal(attentionMask, scalar(attentionMask, 0)));
  return reshape(visible, [attentionMask.shape[0], 1, 1, attentionMask.shape[1]]);
}

/** causalMask [b, q, k] and paddingMask [b, 1, 1, k] combined: bool [b, 1, q, k]. */
export function causalPaddingMask(queryPositions: Value, attentionMask: Value): Value {
  return and(unsqueeze(causalMask(queryPositions, attentionMask.shape[1]), 1), paddingMask(attentionMask));
}

/**
 * Additive attention bias: 0 where visible, `minValue` where masked. -1e9 rather than the dtype's
 * minimum so adding other biases (ALiBi) cannot overflow to -inf; softmax gives exactly 0 either way.
 */
export function maskToBias(mask: Value, dtype: DType = 'float32', minValue = -1e9): Value {
  const zero = scalar(mask, 0, dtype);
  return where(mask, zero, scalar(mask, minValue, dtype));
}

/** Float 0/1 version of a bool mask. */
export const maskAsFloat = (mask: Value, dtype: DType = 'float32'): Value => cast(mask, dtype);
