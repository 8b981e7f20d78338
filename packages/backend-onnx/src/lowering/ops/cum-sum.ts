import { numAttr } from '@okapi/core';
import type { OnnxLowering } from '../onnx-lowering';

/** IR CumSum = ONNX CumSum; the axis is a 0-D int64 input there. */
export const lowerCumSum: OnnxLowering = (ctx) => {
  const { attrs } = ctx.node;
  return ctx.op('CumSum', [ctx.input(0), ctx.scalar(numAttr(attrs, 'axis'), 'int64')], {
    exclusive: { int: numAttr(attrs, 'exclusive', 0) },
    reverse: { int: numAttr(attrs, 'reverse', 0) },
  });
};
