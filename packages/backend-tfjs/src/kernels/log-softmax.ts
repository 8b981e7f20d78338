import { alongAxis, axisOf } from './kernel-kit';
import type { TfjsKernel } from './tfjs-kernel';

/** Log-softmax along `axis` (default -1); tfjs's own op handles the last axis only. */
export const logSoftmaxKernel: TfjsKernel = {
  op: 'LogSoftmax',
  run: (ctx) => alongAxis(ctx.tf, ctx.inputs[0], axisOf(ctx, -1), (t) => ctx.tf.logSoftmax(t)),
};
