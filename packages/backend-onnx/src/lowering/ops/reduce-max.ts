import type { OnnxLowering } from '../onnx-lowering';
import { keepsDims, reducedAxes } from '../lowering-kit';

/** IR ReduceMax = ONNX ReduceMax (opset 17: axes as an attribute, listed explicitly). */
export const lowerReduceMax: OnnxLowering = (ctx) => ctx.op('ReduceMax', [ctx.input(0)], {
  axes: { ints: reducedAxes(ctx.node.attrs, ctx.dimsOf(0).length) },
  keepdims: { int: keepsDims(ctx.node.attrs) ? 1 : 0 },
});
