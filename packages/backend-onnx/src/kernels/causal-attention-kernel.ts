import { numAttr, numsAttr, type KernelDescriptor, type Node, type Value } from '@okapi/core';
import { lowerByDecomposition } from '../lowering/decomposition';
import type { LoweringContext, OnnxKernel } from '../lowering/onnx-lowering';
import { MICROSOFT_DOMAIN } from '../proto/model-builder';
import { onnxElemType } from '../proto/onnx-dtype';
import { perRowRotaryOperands, vouchedPerRow } from './rotary-kernel';

/** ONNX names of a cache's past part and new part, and of their concatenation (the present). */
interface GrownCache {
  readonly past: string;
  readonly fresh: string;
  readonly present: string;
}

/**
 * CausalAttention over a growing cache (k = Concat(past, new) on the sequence axis, as the
 * transformers.js-style decoder builds it) as ONE com.microsoft GroupQueryAttention node on the CPU
 * provider: it appends the new keys/values to the past itself (its present outputs take the Concats'
 * place), serves query-head groups from each K/V head without copies, and applies the causal limit;
 * the padding mask (and ALiBi) go in as its additive attention_bias. Every row gets the full key
 * length (seqlens_k = keys − 1), so left-padded rows are masked by the bias, not by seqlens_k.
 * onnxruntime runs a multi-token call only with an empty past or batch 1: a prefill, then one token
 * per call, as our generation runner does. Other graphs use the op's decomposition.
 */
const kernel: OnnxKernel = {
  providers: ['cpu'],
  lower(ctx) {
    const fallback = () => lowerByDecomposition(ctx.node.output.graph.registry.get('CausalAttention'))(ctx);
    if (!fits(ctx) || !isGrowingCache(ctx.node.inputs[1].node) || !isGrowingCache(ctx.node.inputs[2].node)) return fallback();
    const key = takeOverConcat(ctx, 1);
    if (key === undefined) return fallback();
    const value = takeOverConcat(ctx, 2);
    if (value === undefined) {
      restoreConcat(ctx, key);
      return fallback();
    }
    return groupQueryAttention(ctx, key, value);
  },
};

/**
 * The mask must be [batch, 1, s, keys] with the query's batch, so seqlens_k can come from it, and
 * onnxruntime's kernel takes head sizes in multiples of 8 only.
 */
function fits(ctx: LoweringContext): boolean {
  const mask = ctx.dimsOf(3);
  const headDim = ctx.dimsOf(0)[3];
  return mask.length === 4 && mask[0] === ctx.dimsOf(0)[0] && mask[1] === 1 && typeof headDim === 'number' && headDim % 8 === 0;
}

function isGrowingCache(producer: Node | undefined): boolean {
  if (producer?.op !== 'Concat' || producer.inputs.length !== 2) return false;
  const axis = numAttr(producer.attrs, 'axis');
  return axis === 2 || axis === -2;
}

function takeOverConcat(ctx: LoweringContext, input: number): GrownCache | undefined {
  const present = ctx.input(input);
  const parts = ctx.builder.takeOverProducer(present, 'Concat');
  return parts === undefined ? undefined : { past: parts[0], fresh: parts[1], present };
}

function restoreConcat(ctx: LoweringContext, cache: GrownCache): void {
  ctx.builder.node({ op: 'Concat', inputs: [cache.past, cache.fresh], outputs: [cache.present], attributes: { axis: { int: 2 } } });
}

function groupQueryAttention(ctx: LoweringContext, key: GrownCache, value: GrownCache): string {
  const [, heads, , headDim] = ctx.dimsOf(0) as [unknown, number, unknown, number];
  const kvHeads = ctx.dimsOf(1)[1] as number;
  const { seqlens, total, bias } = sharedOperands(ctx);
  const [query, keyFresh, valueFresh] = [ctx.node.inputs[0], freshValue(ctx.node.inputs[1]), freshValue(ctx.node.inputs[2])];
  const [output] = ctx.builder.node({
    op: 'GroupQueryAttention', domain: MICROSOFT_DOMAIN,
    inputs: [bsh(ctx, query), bsh(ctx, keyFresh), bsh(ctx, valueFresh), key.past, value.past, seqlens, total, '', '', '', bias],
    outputs: [ctx.builder.freshName('gqa'), key.present, value.present],
    attributes: { num_heads: { int: heads }, kv_num_heads: { int: kvHeads }, scale: { float: numAttr(ctx.node.attrs, 'scale') } },
  });
  const split = ctx.op('Reshape', [output, ctx.int64s([0, 0, heads, headDim])]);
  return ctx.op('Transpose', [split], { perm: { ints: [0, 2, 1, 3] } });
}

/** The new keys/values of a growing cache: the second input of its Concat. */
function freshValue(cache: Value): Value {
  return cache.node!.inputs[1];
}

/**
 * x [b, heads, s, d] in the op's BSH layout [b, s, heads·d]. When x is split heads of a projection
 * (Transpose 0,2,1,3 of a Reshape of [b, s, heads·d]), possibly rotated with vouched HF tables, the
 * projection is read directly (rotated as BSH): no transposes; the split nodes are then dead and
 * pruned. Otherwise x is transposed and reshaped.
 */
function bsh(ctx: LoweringContext, x: Value): string {
  const rotary = vouchedPerRow(ctx, x.node ?? ctx.node) ? x.node : undefined;
  const projection = splitFrom(ctx, rotary === undefined ? x : rotary.inputs[0]);
  if (projection === undefined) return ctx.op('Reshape', [ctx.op('Transpose', [ctx.nameOf(x)], { perm: { ints: [0, 2, 1, 3] } }), ctx.int64s([0, 0, -1])]);
  if (rotary === undefined) return ctx.nameOf(projection);
  const operands = perRowRotaryOperands(ctx, rotary.inputs[1], rotary.inputs[2]);
  const heads = x.shape[1] as number;
  return ctx.op('RotaryEmbedding', [ctx.nameOf(projection), ...operands], { interleaved: { int: 0 }, num_heads: { int: heads } }, MICROSOFT_DOMAIN);
}

/** The [b, s, heads·d] value x [b, heads, s, d] was split from by Reshape + Transpose(0, 2, 1, 3), if it was. */
function splitFrom(ctx: LoweringContext, x: Value): Value | undefined {
  const transpose = x.node;
  if (transpose?.op !== 'Transpose' || numsAttr(transpose.attrs, 'perm').join(',') !== '0,2,1,3') return undefined;
  const reshape = transpose.inputs[0].node;
  const source = reshape?.op === 'Reshape' ? reshape.inputs[0] : undefined;
  if (source === undefined) return undefined;
  const [dims, split] = [ctx.lowerer.dimsOf(source), ctx.lowerer.dimsOf(reshape!.output)];
  const same = dims.length === 3 && split.length === 4 && dims[0] === split[0] && dims[1] === split[1];
  return same && dims[2] === (split[2] as number) * (split[3] as number) ? source : undefined;
}

interface SharedOperands {
  readonly seqlens: string;
  readonly total: string;
  readonly bias: string;
}

/** Per mask (and ALiBi bias) value: every layer shares one set of these nodes. */
const sharedByMask = new WeakMap<object, Map<string, SharedOperands>>();

/**
 * seqlens_k (int32 [b], keys − 1 for every row), total_sequence_length (int32 scalar) and the
 * additive bias, computed from the [b, 1, s, keys] mask the layers share, so they are emitted once.
 */
function sharedOperands(ctx: LoweringContext): SharedOperands {
  const [allowed, alibi] = [ctx.node.inputs[3], ctx.node.inputs[4]];
  const memo = sharedByMask.get(ctx.builder) ?? new Map<string, SharedOperands>();
  sharedByMask.set(ctx.builder, memo);
  const memoKey = `${allowed.id}/${alibi?.id ?? ''}`;
  const known = memo.get(memoKey);
  if (known !== undefined) return known;
  const mask = ctx.input(3);
  const keys = sliceOfShape(ctx, mask, 3); // [1] int64
  const toInt32 = (x: string) => ctx.op('Cast', [x], { to: { int: onnxElemType.int32 } });
  const total = toInt32(ctx.op('Squeeze', [keys, ctx.int64s([0])]));
  const seqlens = toInt32(ctx.op('Expand', [ctx.op('Sub', [keys, ctx.int64s([1])]), sliceOfShape(ctx, mask, 0)]));
  const dtype = ctx.node.output.dtype;
  let bias = ctx.op('Where', [mask, ctx.scalar(0, dtype), ctx.scalar(numAttr(ctx.node.attrs, 'maskedScore'), dtype)]);
  if (alibi !== undefined) bias = ctx.op('Add', [bias, ctx.input(4)]);
  const shared = { seqlens, total, bias };
  memo.set(memoKey, shared);
  return shared;
}

/** Dim `axis` of x's shape as a 1-element int64 tensor. */
function sliceOfShape(ctx: LoweringContext, x: string, axis: number): string {
  return ctx.op('Shape', [x], { start: { int: axis }, end: { int: axis + 1 } });
}

export const causalAttentionKernel: KernelDescriptor = {
  backend: 'onnx',
  op: 'CausalAttention',
  summary: 'com.microsoft GroupQueryAttention over a growing past (cache append, GQA, causal limit, mask/ALiBi as bias; CPU)',
  implementation: kernel,
};
