import { numAttr } from '@okapi/core';
import type { OnnxLowering } from '../onnx-lowering';

/** Past the end of any axis: Slice clamps it. */
const END = Number.MAX_SAFE_INTEGER;

/** IR TakeLast = ONNX Slice(x, starts = [-count], ends = [END], axes = [axis]); count 0 → start -0 = 0 → all. */
export const lowerTakeLast: OnnxLowering = (ctx) => {
  const start = ctx.op('Neg', [ctx.op('Reshape', [ctx.input(1), ctx.int64s([1])])]);
  return ctx.op('Slice', [ctx.input(0), start, ctx.int64s([END]), ctx.int64s([numAttr(ctx.node.attrs, 'axis')])]);
};
