import { numAttr } from '@okapi/core';
import type { OnnxLowering } from '../onnx-lowering';

/** IR Concat = ONNX Concat along the same axis. */
export const lowerConcat: OnnxLowering = (ctx) =>
  ctx.op('Concat', ctx.node.inputs.map((_, i) => ctx.input(i)), { axis: { int: numAttr(ctx.node.attrs, 'axis') } });
