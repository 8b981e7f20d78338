import type { Value } from '../value';
import { reduce, reduceOp, spreadBack } from './reduce-kit';

export const ReduceSum = reduceOp('ReduceSum', 'sum over axes (attrs axes: [] = all, keepdims: 1)', ({ inputs: [x], attrs, dy }) => [spreadBack(dy, x, attrs)]);
export const reduceSum = (x: Value, axes?: readonly number[], keepdims = true) => reduce('ReduceSum', x, axes, keepdims);
