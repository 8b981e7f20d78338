import { axisOf } from './kernel-kit';
import type { TfjsKernel } from './tfjs-kernel';

/** Joins along the `axis` attribute. */
export const concatKernel: TfjsKernel = {
  op: 'Concat',
  run: (ctx) => ctx.tf.concat([...ctx.inputs], axisOf(ctx)),
};
