import type { OnnxLowering } from '../onnx-lowering';

/** IR Silu = x · Sigmoid(x) (onnxruntime fuses the pair into its QuickGelu/SiLU kernel on its own). */
export const lowerSilu: OnnxLowering = (ctx) => ctx.op('Mul', [ctx.input(0), ctx.op('Sigmoid', [ctx.input(0)])]);
