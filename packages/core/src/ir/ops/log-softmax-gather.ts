import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import { showShape, shapeEquals } from '../shape';
import type { Value } from '../value';
import { cast } from './cast';
import { equal } from './equal';
import { iota } from './iota';
import { logSoftmax } from './log-softmax';
import { mul } from './mul';
import { apply, intTypes, requireFloat, scalar } from './op-kit';
import { reduceSum } from './reduce-sum';
import { softmax } from './softmax';
import { sub } from './sub';
import { unsqueeze } from './reshape';
import { where } from './where';

/** log_softmax(logits)[..., ids]: per-token log-probs (PPO, DPO, eval). ids must be in [0, V). */
export const LogSoftmaxGather: OpDef = {
  name: 'LogSoftmaxGather',
  summary: 'log_softmax(logits[..., V])[..., ids] -> ids.shape',
  arity: 2,
  fused: true,
  infer([logits, ids], _attrs, where) {
    requireFloat(logits, where);
    if (!intTypes.includes(ids.dtype)) throw new IrError(`${where}: ids must be int32/int64, got ${ids.dtype}`, 'Cast the ids to an integer type.');
    if (!shapeEquals(logits.shape.slice(0, -1), ids.shape)) {
      throw new IrError(`${where}: ids ${showShape(ids.shape)} must match logits ${showShape(logits.shape)} without the last dim`, 'Shift/slice logits and ids to the same [batch, seq].');
    }
    return { dtype: logits.dtype, shape: ids.shape };
  },
  grad: ({ inputs: [logits, ids], dy }) => [logSoftmaxGatherGrad(logits, ids, dy), undefined],
  decompose([logits, ids]) {
    const oneHot = equal(iota(logits.graph, logits.dim(-1), ids.dtype), unsqueeze(ids, -1));
    return reduceSum(where(oneHot, logSoftmax(logits, -1), scalar(logits, 0)), [-1], false);
  },
};
/** d/dlogits of sum(dy * log_softmax(logits)[ids]) = dy[..., None] * (onehot(ids) - softmax(logits)). */
export function logSoftmaxGatherGrad(logits: Value, ids: Value, dy: Value): Value {
  const oneHot = cast(equal(iota(logits.graph, logits.dim(-1), ids.dtype), unsqueeze(ids, -1)), logits.dtype);
  return mul(unsqueeze(dy, -1), sub(oneHot, softmax(logits, -1)));
}

export const logSoftmaxGather = (logits: Value, ids: Value) => apply('LogSoftmaxGather', [logits, ids]);
