import type { TfjsKernel } from './tfjs-kernel';

/** a / b; integer division truncates toward zero (ONNX), where tfjs's int div would floor. */
export const divKernel: TfjsKernel = {
  op: 'Div',
  run({ tf, inputs: [a, b] }) {
    if (a.dtype !== 'int32') return tf.div(a, b);
    return tf.cast(tf.div(tf.cast(a, 'float32'), tf.cast(b, 'float32')), 'int32');
  },
};
