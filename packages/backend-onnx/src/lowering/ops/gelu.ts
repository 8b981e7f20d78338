import type { OnnxLowering } from '../onnx-lowering';

/** IR Gelu (tanh approximation) in opset-17 ops: 0.5 x (1 + tanh(sqrt(2/π) (x + 0.044715 x³))). */
export const lowerGelu: OnnxLowering = (ctx) => {
  const x = ctx.input(0);
  const dtype = ctx.node.output.dtype;
  const c = (v: number) => ctx.scalar(v, dtype);
  const cube = ctx.op('Mul', [ctx.op('Mul', [x, x]), x]);
  const inner = ctx.op('Mul', [ctx.op('Add', [x, ctx.op('Mul', [cube, c(0.044715)])]), c(Math.sqrt(2 / Math.PI))]);
  return ctx.op('Mul', [ctx.op('Mul', [x, c(0.5)]), ctx.op('Add', [ctx.op('Tanh', [inner]), c(1)])]);
};
