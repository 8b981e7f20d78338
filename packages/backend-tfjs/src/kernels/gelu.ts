import type { TfjsKernel } from './tfjs-kernel';

const sqrt2OverPi = Math.sqrt(2 / Math.PI);

/** GELU, tanh approximation (BLOOM): 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
export const geluKernel: TfjsKernel = {
  op: 'Gelu',
  run({ tf, inputs: [x] }) {
    const inner = tf.mul(tf.add(x, tf.mul(tf.pow(x, 3), 0.044715)), sqrt2OverPi);
    return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
  },
};
