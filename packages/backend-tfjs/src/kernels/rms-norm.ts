import { numAttr } from '@okapi/core';
import type { TfjsKernel } from './tfjs-kernel';

/** x / sqrt(mean(x^2) + eps) * scale over the last axis (HF LlamaRMSNorm). */
export const rmsNormKernel: TfjsKernel = {
  op: 'RMSNorm',
  run({ tf, inputs: [x, scale], step }) {
    const meanSquare = tf.mean(tf.square(x), -1, true);
    return tf.mul(tf.mul(x, tf.rsqrt(tf.add(meanSquare, numAttr(step.attrs, 'epsilon', 1e-6)))), scale);
  },
};
