import { numAttr } from '@okapi/core';
import { onnxElemType } from '../../proto/onnx-dtype';
import type { OnnxLowering } from '../onnx-lowering';
import { logProbsOf } from './log-softmax-gather';

/**
 * Mean -log p(target) over targets != ignoreIndex, as the IR defines it (all ignored → 0/0 = NaN).
 * Built from LogSoftmax + GatherElements rather than SoftmaxCrossEntropyLoss, whose class axis is 1.
 */
export const lowerCrossEntropy: OnnxLowering = (ctx) => {
  const targets = ctx.input(1);
  const targetType = ctx.node.inputs[1].dtype;
  const dtype = ctx.node.output.dtype;
  const valid = ctx.op('Not', [ctx.op('Equal', [targets, ctx.scalar(numAttr(ctx.node.attrs, 'ignoreIndex', -100), targetType)])]);
  const safeTargets = ctx.op('Where', [valid, targets, ctx.scalar(0, targetType)]);
  const picked = ctx.op('Where', [valid, logProbsOf(ctx, ctx.input(0), safeTargets), ctx.scalar(0, dtype)]);
  const rank = ctx.dimsOf(1).length;
  const all = ctx.int64s(Array.from({ length: rank }, (_, i) => i));
  const total = ctx.op('ReduceSum', [picked, all], { keepdims: { int: 0 } });
  const count = ctx.op('ReduceSum', [ctx.op('Cast', [valid], { to: { int: onnxElemType[dtype] } }), all], { keepdims: { int: 0 } });
  return ctx.op('Neg', [ctx.op('Div', [total, count])]);
};
