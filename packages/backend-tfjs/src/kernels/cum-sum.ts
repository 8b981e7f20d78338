import { numAttr } from '@okapi/core';
import { axisOf } from './kernel-kit';
import type { TfjsKernel } from './tfjs-kernel';

/** Cumulative sum with ONNX's exclusive / reverse flags (tfjs has the same two). */
export const cumSumKernel: TfjsKernel = {
  op: 'CumSum',
  run(ctx) {
    const { attrs } = ctx.step;
    return ctx.tf.cumsum(ctx.inputs[0], axisOf(ctx), numAttr(attrs, 'exclusive', 0) === 1, numAttr(attrs, 'reverse', 0) === 1);
  },
};
