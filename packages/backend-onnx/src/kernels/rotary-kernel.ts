import type { KernelDescriptor } from '@okapi/core';
import { builtinLowerings } from '../lowering/all-lowerings';
import type { OnnxKernel } from '../lowering/onnx-lowering';
import { MICROSOFT_DOMAIN } from '../proto/model-builder';

/**
 * Rotary as com.microsoft RotaryEmbedding on x [batch, heads, seq, d] with cos/sin tables shared by the
 * batch ([seq, d] or [1, 1, seq, d]). The contrib op reads only the first half of each table row, so it is
 * exact only for HF tables (cat(freqs, freqs)): opt-in, via `onnx.fusedKernels: ['Rotary', …]`.
 */
const kernel: OnnxKernel = {
  optIn: true,
  lower(ctx) {
    const dims = [0, 1, 2].map((i) => ctx.dimsOf(i));
    const isStatic = dims.every((shape) => shape.every((d) => typeof d === 'number'));
    const x = dims[0] as number[];
    const fits = isStatic && x.length === 4 && tableFits(dims[1] as number[], x) && tableFits(dims[2] as number[], x);
    if (!fits) return (builtinLowerings.get('Rotary') as OnnxKernel['lower'])(ctx);
    const [batch, , seq, d] = x;
    const half = (table: string) => ctx.op('Slice', [ctx.op('Reshape', [table, ctx.int64s([seq, d])]), ctx.int64s([0]), ctx.int64s([d / 2]), ctx.int64s([1])]);
    const positions = ctx.op('Expand', [ctx.op('Range', [ctx.scalar(0, 'int64'), ctx.scalar(seq, 'int64'), ctx.scalar(1, 'int64')]), ctx.int64s([batch, seq])]);
    return ctx.op('RotaryEmbedding', [ctx.input(0), positions, half(ctx.input(1)), half(ctx.input(2))], { interleaved: { int: 0 } }, MICROSOFT_DOMAIN);
  },
};

function tableFits(table: readonly number[], x: readonly number[]): boolean {
  const [seq, d] = [x[2], x[3]];
  const lead = table.slice(0, -2);
  return table.length >= 2 && table[table.length - 2] === seq && table[table.length - 1] === d && lead.every((n) => n === 1);
}

export const rotaryKernel: KernelDescriptor = {
  backend: 'onnx',
  op: 'Rotary',
  summary: 'com.microsoft RotaryEmbedding (opt-in: assumes HF cos/sin tables)',
  implementation: kernel,
};
