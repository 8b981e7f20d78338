import type { OnnxLowering } from '../onnx-lowering';

/** IR Reshape to the inferred output dims (no 0 / -1 left to resolve; symbolic dims read at run time). */
export const lowerReshape: OnnxLowering = (ctx) => ctx.op('Reshape', [ctx.input(0), ctx.shapeTensor(ctx.outputDims)]);
