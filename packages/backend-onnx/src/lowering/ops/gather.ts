import { numAttr } from '@okapi/core';
import type { OnnxLowering } from '../onnx-lowering';

/** IR Gather = ONNX Gather (negative indices count from the end in both). */
export const lowerGather: OnnxLowering = (ctx) =>
  ctx.op('Gather', [ctx.input(0), ctx.input(1)], { axis: { int: numAttr(ctx.node.attrs, 'axis', 0) } });
