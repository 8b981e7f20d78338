import type { DType } from '@okapi/core';
import type { OnnxLowering } from '../onnx-lowering';

/** IR Iota = ONNX Range(0, length, 1) with the bound length. */
export const lowerIota: OnnxLowering = (ctx) => {
  const dtype = ctx.node.attrs.dtype as DType;
  const [length] = ctx.outputShape;
  return ctx.op('Range', [ctx.scalar(0, dtype), ctx.scalar(length, dtype), ctx.scalar(1, dtype)]);
};
