import { axisOf, wrapNegative } from './kernel-kit';
import type { TfjsKernel } from './tfjs-kernel';

/** ONNX Gather along `axis` (default 0); negative indices count from the end. */
export const gatherKernel: TfjsKernel = {
  op: 'Gather',
  run(ctx) {
    const axis = axisOf(ctx, 0);
    const [data, indices] = ctx.inputs;
    return ctx.tf.gather(data, wrapNegative(ctx.tf, indices, data.shape[axis]), axis);
  },
};
