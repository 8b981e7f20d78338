import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import { showShape, shapeEquals } from '../shape';
import type { Value } from '../value';
import { equal } from './equal';
import { iota } from './iota';
import { logSoftmax } from './log-softmax';
import { apply, intTypes, requireFloat, scalar } from './op-kit';
import { reduceSum } from './reduce-sum';
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
  decompose([logits, ids]) {
    const oneHot = equal(iota(logits.graph, logits.dim(-1), ids.dtype), unsqueeze(ids, -1));
    return reduceSum(where(oneHot, logSoftmax(logits, -1), scalar(logits, 0)), [-1], false);
  },
};
export const logSoftmaxGather = (logits: Value, ids: Value) => apply('LogSoftmaxGather', [logits, ids]);
