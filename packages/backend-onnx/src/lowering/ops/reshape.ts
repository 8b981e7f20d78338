import type { OnnxLowering } from '../onnx-lowering';

/** IR Reshape: dims are bound, so the target is the (static) output shape; no 0 / -1 left to resolve. */
export const lowerReshape: OnnxLowering = (ctx) => ctx.op('Reshape', [ctx.input(0), ctx.int64s(ctx.outputShape)]);
