import type { OnnxLowering } from '../onnx-lowering';
import { keepsDims, reducedAxes } from '../lowering-kit';

/** IR ReduceMean = ONNX ReduceMean (opset 17: axes as an attribute, listed explicitly). */
export const lowerReduceMean: OnnxLowering = (ctx) => ctx.op('ReduceMean', [ctx.input(0)], {
  axes: { ints: reducedAxes(ctx.node.attrs, ctx.dimsOf(0).length) },
  keepdims: { int: keepsDims(ctx.node.attrs) ? 1 : 0 },
});
