import type { OnnxLowering } from '../onnx-lowering';

/** IR Rotary (HF rotate_half layout): x·cos + concat(-x[d/2:], x[:d/2])·sin. */
export const lowerRotary: OnnxLowering = (ctx) => {
  const x = ctx.input(0);
  const dims = ctx.dimsOf(0);
  const half = (dims[dims.length - 1] as number) / 2; // the IR requires a static, even last dim
  const [first, second] = ctx.builder.node({ op: 'Split', inputs: [x, ctx.int64s([half, half])], outputs: 2, attributes: { axis: { int: -1 } } });
  const rotated = ctx.op('Concat', [ctx.op('Neg', [second]), first], { axis: { int: -1 } });
  return ctx.op('Add', [ctx.op('Mul', [x, ctx.input(1)]), ctx.op('Mul', [rotated, ctx.input(2)])]);
};
