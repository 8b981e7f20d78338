import { numAttr, numsAttr, type Attrs } from '@okapi/core';
import type { LoweringContext, OnnxLowering } from './onnx-lowering';

/** An IR op that is the ONNX op of the same (or given) name with the same inputs and no attributes. */
export function sameOp(onnxOp: string): OnnxLowering {
  return (ctx) => ctx.op(onnxOp, ctx.node.inputs.map((_, i) => ctx.input(i)));
}

/** The IR `axis` attribute as an ONNX int attribute. */
export function withAxis(onnxOp: string, fallback: number): OnnxLowering {
  return (ctx) => ctx.op(onnxOp, [ctx.input(0)], { axis: { int: numAttr(ctx.node.attrs, 'axis', fallback) } });
}

/** Reduced axes, sorted and non-negative; empty or missing = every axis (IR semantics). */
export function reducedAxes(attrs: Attrs, rank: number): number[] {
  const axes = attrs.axes === undefined ? [] : numsAttr(attrs, 'axes');
  const list = axes.length === 0 ? Array.from({ length: rank }, (_, i) => i) : axes.map((a) => (a < 0 ? a + rank : a));
  return [...new Set(list)].sort((a, b) => a - b);
}

export function keepsDims(attrs: Attrs): boolean {
  return attrs.keepdims === undefined ? true : Boolean(attrs.keepdims);
}

/** x with a size-1 axis appended (Unsqueeze with axes as an input, opset 13+). */
export function unsqueezeLast(ctx: LoweringContext, x: string, rank: number): string {
  return ctx.op('Unsqueeze', [x, ctx.int64s([rank])]);
}
