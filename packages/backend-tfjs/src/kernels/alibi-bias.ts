import { numAttr, ops } from '@okapi/core';
import type { TfjsKernel } from './tfjs-kernel';

/** BLOOM's ALiBi bias [b, heads, 1, s] = slope[h] * ((cumsum(mask) - 1) * mask). */
export const alibiBiasKernel: TfjsKernel = {
  op: 'AlibiBias',
  run({ tf, inputs: [mask], step }) {
    const heads = numAttr(step.attrs, 'numHeads');
    const [batch, seq] = mask.shape;
    const m = tf.cast(mask, 'float32');
    const positions = tf.mul(tf.sub(tf.cumsum(m, 1), 1), m);
    const slopes = tf.tensor4d(ops.alibiSlopes(heads), [1, heads, 1, 1]);
    return tf.mul(tf.reshape(positions, [batch, 1, 1, seq]), slopes);
  },
};
