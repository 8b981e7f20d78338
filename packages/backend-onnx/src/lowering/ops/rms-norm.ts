import { numAttr } from '@okapi/core';
import type { OnnxLowering } from '../onnx-lowering';

/** IR RMSNorm in standard ONNX ops: x · 1/sqrt(mean(x², -1) + eps) · scale (HF LlamaRMSNorm order). */
export const lowerRMSNorm: OnnxLowering = (ctx) => {
  const x = ctx.input(0);
  const dtype = ctx.node.output.dtype;
  const meanSquare = ctx.op('ReduceMean', [ctx.op('Mul', [x, x])], { axes: { ints: [-1] }, keepdims: { int: 1 } });
  const rms = ctx.op('Sqrt', [ctx.op('Add', [meanSquare, ctx.scalar(numAttr(ctx.node.attrs, 'epsilon', 1e-6), dtype)])]);
  return ctx.op('Mul', [ctx.op('Div', [x, rms]), ctx.input(1)]);
};
