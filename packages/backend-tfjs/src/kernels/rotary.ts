import type { TfjsKernel } from './tfjs-kernel';

/** RoPE in HF's rotate_half layout: x * cos + [-x2, x1] * sin, halves taken on the last axis. */
export const rotaryKernel: TfjsKernel = {
  op: 'Rotary',
  run({ tf, inputs: [x, cos, sin] }) {
    const half = x.shape[x.rank - 1] / 2;
    const [x1, x2] = tf.split(x, [half, half], -1);
    const rotated = tf.concat([tf.neg(x2), x1], -1);
    return tf.add(tf.mul(x, cos), tf.mul(rotated, sin));
  },
};
