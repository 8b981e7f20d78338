import { alongAxis, axisOf } from './kernel-kit';
import type { TfjsKernel } from './tfjs-kernel';

/** Softmax along `axis` (default -1); tfjs's own kernel handles the last axis only. */
export const softmaxKernel: TfjsKernel = {
  op: 'Softmax',
  run: (ctx) => alongAxis(ctx.tf, ctx.inputs[0], axisOf(ctx, -1), (t) => ctx.tf.softmax(t)),
};
