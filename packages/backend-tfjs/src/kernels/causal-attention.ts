import { numAttr } from '@okapi/core';
import type { Tensor } from '../engine/tf-module';
import type { TfjsKernel } from './tfjs-kernel';

/**
 * softmax(q kᵀ · scale + bias, masked) v, each K/V head broadcast to its group of query heads (the
 * IR decomposition in one kernel). Only the onnx runner's inference graphs emit this op today; the
 * kernel keeps such graphs runnable on tfjs.
 */
export const causalAttentionKernel: TfjsKernel = {
  op: 'CausalAttention',
  run({ tf, inputs: [q, k, v, allowed, bias], step }) {
    const [batch, heads, , d] = q.shape as number[];
    const [kvHeads, keys] = [k.shape[1] as number, k.shape[2] as number];
    const perHead = (x: Tensor) => tf.reshape(tf.broadcastTo(tf.reshape(x, [batch, kvHeads, 1, keys, d]), [batch, kvHeads, heads / kvHeads, keys, d]), [batch, heads, keys, d]);
    let scores = tf.mul(tf.matMul(q, perHead(k), false, true), numAttr(step.attrs, 'scale'));
    if (bias !== undefined) scores = tf.add(scores, bias);
    const masked = tf.where(tf.broadcastTo(tf.cast(allowed, 'bool'), scores.shape), scores, tf.fill(scores.shape, numAttr(step.attrs, 'maskedScore')));
    return tf.matMul(tf.softmax(masked), perHead(v));
  },
};
