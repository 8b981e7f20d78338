import { numAttr } from '../attrs';
import type { OpDef } from '../op-def';
import { normalizeAxis } from '../shape';
import type { Value } from '../value';
import { apply } from './op-kit';

/** ONNX CumSum with static axis; attrs exclusive, reverse (0/1). Gradient = cumsum in the other direction. */
export const CumSum: OpDef = {
  name: 'CumSum',
  summary: 'cumulative sum along attr axis (attrs exclusive, reverse)',
  arity: 1,
  infer([x], attrs, where) {
    normalizeAxis(numAttr(attrs, 'axis'), x.shape.length, where);
    return x;
  },
  grad: ({ attrs, dy }) => [cumSum(dy, numAttr(attrs, 'axis'), Boolean(numAttr(attrs, 'exclusive', 0)), !numAttr(attrs, 'reverse', 0))],
};
export const cumSum = (x: Value, axis: number, exclusive = false, reverse = false) =>
  apply('CumSum', [x], { axis, exclusive: exclusive ? 1 : 0, reverse: reverse ? 1 : 0 });
