import { numAttr } from '@okapi/core';
import type { OnnxLowering } from '../onnx-lowering';

/** IR LayerNorm = ONNX LayerNormalization over the last axis (opset 17). */
export const lowerLayerNorm: OnnxLowering = (ctx) => ctx.op('LayerNormalization', [ctx.input(0), ctx.input(1), ctx.input(2)], {
  axis: { int: -1 },
  epsilon: { float: numAttr(ctx.node.attrs, 'epsilon', 1e-5) },
});
