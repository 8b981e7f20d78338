import type { LoweringContext, OnnxLowering } from '../onnx-lowering';

/** log_softmax(logits)[..., ids] via LogSoftmax + GatherElements (no one-hot over the vocabulary). */
export function logProbsOf(ctx: LoweringContext, logits: string, ids: string): string {
  const rank = ctx.dimsOf(1).length;
  const logProbs = ctx.op('LogSoftmax', [logits], { axis: { int: -1 } });
  const picked = ctx.op('GatherElements', [logProbs, ctx.op('Unsqueeze', [ids, ctx.int64s([rank])])], { axis: { int: -1 } });
  return ctx.op('Squeeze', [picked, ctx.int64s([rank])]);
}

export const lowerLogSoftmaxGather: OnnxLowering = (ctx) => logProbsOf(ctx, ctx.input(0), ctx.input(1));
