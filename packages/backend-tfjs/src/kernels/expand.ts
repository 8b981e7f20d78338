import type { TfjsKernel } from './tfjs-kernel';

/** Broadcast to the inferred output shape (ONNX Expand may grow past the `shape` attribute). */
export const expandKernel: TfjsKernel = {
  op: 'Expand',
  run: ({ tf, inputs: [x], step }) => tf.broadcastTo(x, [...step.output.shape]),
};
