import { numsAttr } from '@okapi/core';
import type { OnnxLowering } from '../onnx-lowering';

/** IR Slice = ONNX Slice with starts/ends/axes/steps as int64 initializers (same clamping rules). */
export const lowerSlice: OnnxLowering = (ctx) => {
  const { attrs } = ctx.node;
  const starts = numsAttr(attrs, 'starts');
  const axes = attrs.axes === undefined ? starts.map((_, i) => i) : numsAttr(attrs, 'axes');
  const steps = attrs.steps === undefined ? starts.map(() => 1) : numsAttr(attrs, 'steps');
  return ctx.op('Slice', [ctx.input(0), ctx.int64s(starts), ctx.int64s(numsAttr(attrs, 'ends')), ctx.int64s(axes), ctx.int64s(steps)]);
};
