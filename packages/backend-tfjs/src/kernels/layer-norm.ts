import { numAttr } from '@okapi/core';
import type { TfjsKernel } from './tfjs-kernel';

/** (x - mean) / sqrt(var + eps) * scale + bias over the last axis (biased variance, as torch). */
export const layerNormKernel: TfjsKernel = {
  op: 'LayerNorm',
  run({ tf, inputs: [x, scale, bias], step }) {
    const centered = tf.sub(x, tf.mean(x, -1, true));
    const variance = tf.mean(tf.square(centered), -1, true);
    const normed = tf.mul(centered, tf.rsqrt(tf.add(variance, numAttr(step.attrs, 'epsilon', 1e-5))));
    return tf.add(tf.mul(normed, scale), bias);
  },
};
