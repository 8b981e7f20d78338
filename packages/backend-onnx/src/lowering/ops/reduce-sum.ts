import type { OnnxLowering } from '../onnx-lowering';
import { keepsDims, reducedAxes } from '../lowering-kit';

/** IR ReduceSum = ONNX ReduceSum (opset 13: axes as an int64 input; explicit, so [] never means "none"). */
export const lowerReduceSum: OnnxLowering = (ctx) => {
  const axes = reducedAxes(ctx.node.attrs, ctx.dimsOf(0).length);
  return ctx.op('ReduceSum', [ctx.input(0), ctx.int64s(axes)], { keepdims: { int: keepsDims(ctx.node.attrs) ? 1 : 0 } });
};
