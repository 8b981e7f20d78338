import { numsAttr } from '@okapi/core';
import type { OnnxLowering } from '../onnx-lowering';

/** IR Transpose = ONNX Transpose (the IR always records perm). */
export const lowerTranspose: OnnxLowering = (ctx) => {
  const rank = ctx.dimsOf(0).length;
  const perm = ctx.node.attrs.perm === undefined ? Array.from({ length: rank }, (_, i) => rank - 1 - i) : numsAttr(ctx.node.attrs, 'perm');
  return ctx.op('Transpose', [ctx.input(0)], { perm: { ints: perm } });
};
