import { numAttr } from '../attrs';
import type { OpDef } from '../op-def';
import type { Value } from '../value';
import { cast } from './cast';
import { div } from './div';
import { equal } from './equal';
import { LogSoftmaxGather, logSoftmaxGather, logSoftmaxGatherGrad } from './log-softmax-gather';
import { neg } from './neg';
import { not } from './not';
import { apply, scalar } from './op-kit';
import { reduceSum } from './reduce-sum';
import { where } from './where';

/** Targets != ignoreIndex, and the targets with ignored ones replaced by 0 (a valid id). */
function validTargets(targets: Value, ignoreIndex: number): { valid: Value; safeTargets: Value } {
  const valid = not(equal(targets, scalar(targets, ignoreIndex)));
  return { valid, safeTargets: where(valid, targets, scalar(targets, 0)) };
}

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
  grad({ inputs: [logits, targets], attrs, dy }) {
    const { valid, safeTargets } = validTargets(targets, numAttr(attrs, 'ignoreIndex', -100));
    const count = reduceSum(cast(valid, logits.dtype), [], false);
    const perToken = div(neg(where(valid, dy, scalar(dy, 0))), count);
    return [logSoftmaxGatherGrad(logits, safeTargets, perToken), undefined];
  },
  decompose([logits, targets], attrs) {
    const { valid, safeTargets } = validTargets(targets, numAttr(attrs, 'ignoreIndex', -100));
    const picked = where(valid, logSoftmaxGather(logits, safeTargets), scalar(logits, 0));
    return neg(div(reduceSum(picked, [], false), reduceSum(cast(valid, logits.dtype), [], false)));
  },
};
export const crossEntropy = (logits: Value, targets: Value, ignoreIndex = -100) => apply('CrossEntropy', [logits, targets], { ignoreIndex });
