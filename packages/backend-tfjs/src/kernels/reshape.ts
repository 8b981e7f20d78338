import type { TfjsKernel } from './tfjs-kernel';

/** Reshape to the inferred output shape (0 and -1 in the attribute are already resolved there). */
export const reshapeKernel: TfjsKernel = {
  op: 'Reshape',
  run: ({ tf, inputs: [x], step }) => tf.reshape(x, [...step.output.shape]),
};
