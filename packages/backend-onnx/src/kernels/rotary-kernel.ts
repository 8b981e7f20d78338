import { numAttr, type KernelDescriptor, type Node, type Value } from '@okapi/core';
import { builtinLowerings } from '../lowering/all-lowerings';
import type { LoweringContext, OnnxKernel } from '../lowering/onnx-lowering';
import { MICROSOFT_DOMAIN } from '../proto/model-builder';

/**
 * Rotary as com.microsoft RotaryEmbedding on x [batch, heads, seq, d]. The contrib op reads only the
 * first half of each table row, so it is exact only for HF tables (cat(freqs, freqs)). Two forms:
 * - tables shared by the batch ([seq, d] or [1, 1, seq, d], static dims): positions 0..seq-1 index
 *   the tables; opt-in, via `onnx.fusedKernels: ['Rotary', …]`, since nothing vouches for the halves;
 * - per-row tables [batch, 1, seq, d] of a node whose builder vouches for HF tables (attr hfTables,
 *   set by fused inference graphs), any dims: the tables' rows become the cache, position_ids
 *   0..batch·seq-1 pick each token's own row. Used whenever the kernel is enabled.
 */
const kernel: OnnxKernel = {
  optIn: true,
  unnamed: (ctx) => (vouchedPerRow(ctx) ? perRowRotary(ctx) : (builtinLowerings.get('Rotary') as OnnxKernel['lower'])(ctx)),
  lower(ctx) {
    if (vouchedPerRow(ctx)) return perRowRotary(ctx);
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

/** HF tables by the builder's word, x [b, h, s, d] with cos and sin [b, 1, s, d] (the same b and s, symbolic or not), d static. */
export function vouchedPerRow(ctx: LoweringContext, node: Node = ctx.node): boolean {
  if (node.op !== 'Rotary' || numAttr(node.attrs, 'hfTables', 0) !== 1) return false;
  const [x, cos, sin] = node.inputs.map((v) => ctx.lowerer.dimsOf(v));
  const fits = (t: readonly unknown[]) => t.length === 4 && t[0] === x[0] && t[1] === 1 && t[2] === x[2] && t[3] === x[3];
  return x.length === 4 && typeof x[3] === 'number' && fits(cos) && fits(sin);
}

/** Per lowered model: the position ids and half tables of each (cos, sin) pair, shared by every layer. */
const sharedTables = new WeakMap<object, Map<string, string[]>>();

/**
 * RotaryEmbedding's position_ids, cos_cache and sin_cache for per-row tables cos/sin [b, 1, s, d]:
 * the tables' rows [b·s, d/2] are the cache and token (i, j) reads row i·s + j.
 */
export function perRowRotaryOperands(ctx: LoweringContext, cosValue: Value, sinValue: Value): string[] {
  const d = cosValue.shape[3] as number;
  const memo = sharedTables.get(ctx.builder) ?? new Map<string, string[]>();
  sharedTables.set(ctx.builder, memo);
  const key = `${cosValue.id}/${sinValue.id}`;
  let operands = memo.get(key);
  if (operands === undefined) {
    const half = (table: string) => ctx.op('Slice', [ctx.op('Reshape', [table, ctx.int64s([-1, d])]), ctx.int64s([0]), ctx.int64s([d / 2]), ctx.int64s([1])]);
    const [cos, sin] = [half(ctx.nameOf(cosValue)), half(ctx.nameOf(sinValue))];
    const rows = ctx.op('Shape', [cos], { start: { int: 0 }, end: { int: 1 } });
    const range = ctx.op('Range', [ctx.scalar(0, 'int64'), ctx.op('Squeeze', [rows, ctx.int64s([0])]), ctx.scalar(1, 'int64')]);
    const batchAndSeq = ctx.op('Gather', [ctx.op('Shape', [ctx.nameOf(cosValue)]), ctx.int64s([0, 2])]);
    operands = [ctx.op('Reshape', [range, batchAndSeq]), cos, sin];
    memo.set(key, operands);
  }
  return operands;
}

function perRowRotary(ctx: LoweringContext): string {
  const operands = perRowRotaryOperands(ctx, ctx.node.inputs[1], ctx.node.inputs[2]);
  return ctx.op('RotaryEmbedding', [ctx.input(0), ...operands], { interleaved: { int: 0 } }, MICROSOFT_DOMAIN);
}

export const rotaryKernel: KernelDescriptor = {
  backend: 'onnx',
  op: 'Rotary',
  summary: 'com.microsoft RotaryEmbedding (HF tables: per-row tables when the graph vouches for them, else opt-in)',
  implementation: kernel,
};
