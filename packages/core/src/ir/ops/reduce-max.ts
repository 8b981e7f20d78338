import type { Value } from '../value';
import { equal } from './equal';
import { scalar } from './op-kit';
import { reduce, reduceOp, spreadBack } from './reduce-kit';
import { where } from './where';

/** Every position equal to the max receives the gradient (ties are rare in float data). */
export const ReduceMax = reduceOp('ReduceMax', 'max over axes (attrs axes: [] = all, keepdims: 1)', ({ inputs: [x], output, attrs, dy }) => [
  where(equal(x, spreadBack(output, x, attrs)), spreadBack(dy, x, attrs), scalar(dy, 0)),
]);
export const reduceMax = (x: Value, axes?: readonly number[], keepdims = true) => reduce('ReduceMax', x, axes, keepdims);
