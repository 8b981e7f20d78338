import { numAttr } from '../attrs';
import type { OpDef } from '../op-def';
import type { Value } from '../value';
import { cast } from './cast';
import { div } from './div';
import { equal } from './equal';
import { LogSoftmaxGather, logSoftmaxGather } from './log-softmax-gather';
import { neg } from './neg';
import { not } from './not';
import { apply, scalar } from './op-kit';
import { reduceSum } from './reduce-sum';
import { where } from './where';

/**
 * Mean token cross-entropy over targets != ignoreIndex (PyTorch / ONNX SoftmaxCrossEntropyLoss,
 * reduction 'mean'). All targets ignored gives NaN (0/0), as in both references.
 */
export const CrossEntropy: OpDef = {
  name: 'CrossEntropy',
  summary: 'mean -log_softmax(logits)[target] over non-ignored targets (attr ignoreIndex = -100) -> scalar',
  arity: 2,
  fused: true,
  infer(inputs, attrs, where) {
    const perToken = LogSoftmaxGather.infer(inputs, attrs, where);
    return { dtype: perToken.dtype, shape: [] };
  },
  decompose([logits, targets], attrs) {
    const valid = not(equal(targets, scalar(targets, numAttr(attrs, 'ignoreIndex', -100))));
    const safeTargets = where(valid, targets, scalar(targets, 0));
    const picked = where(valid, logSoftmaxGather(logits, safeTargets), scalar(logits, 0));
    return neg(div(reduceSum(picked, [], false), reduceSum(cast(valid, logits.dtype), [], false)));
  },
};
export const crossEntropy = (logits: Value, targets: Value, ignoreIndex = -100) => apply('CrossEntropy', [logits, targets], { ignoreIndex });
