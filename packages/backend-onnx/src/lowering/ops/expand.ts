import type { OnnxLowering } from '../onnx-lowering';

/** IR Expand = ONNX Expand to the bound output shape. */
export const lowerExpand: OnnxLowering = (ctx) => ctx.op('Expand', [ctx.input(0), ctx.shapeTensor(ctx.outputDims)]);
