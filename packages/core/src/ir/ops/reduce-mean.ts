import type { Value } from '../value';
import { div } from './div';
import { expand } from './expand';
import { mul } from './mul';
import { scalar } from './op-kit';
import { reduce, reduceOp, reducedAxes, spreadBack } from './reduce-kit';
import { reduceSum } from './reduce-sum';

/** dx = dy / count, spread back; count is a constant when the reduced dims are static. */
export const ReduceMean = reduceOp('ReduceMean', 'mean over axes (attrs axes: [] = all, keepdims: 1)', ({ inputs: [x], attrs, dy }) => {
  const axes = reducedAxes(attrs, x.rank, 'ReduceMean gradient');
  const dims = axes.map((a) => x.shape[a]);
  const spread = spreadBack(dy, x, attrs);
  if (dims.every((d) => typeof d === 'number')) return [mul(spread, 1 / (dims as number[]).reduce((p, d) => p * d, 1))];
  return [div(spread, reduceSum(expand(scalar(x, 1), x.shape), axes, true))];
});
export const reduceMean = (x: Value, axes?: readonly number[], keepdims = true) => reduce('ReduceMean', x, axes, keepdims);
