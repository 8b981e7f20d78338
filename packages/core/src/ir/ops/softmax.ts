import { numAttr } from '../attrs';
import type { OpDef } from '../op-def';
import { normalizeAxis } from '../shape';
import type { Value } from '../value';
import { mul } from './mul';
import { apply, requireFloat } from './op-kit';
import { reduceSum } from './reduce-sum';
import { sub } from './sub';

/** ONNX Softmax (opset 13): along one axis (default -1). dx = y (dy - sum(dy y)). */
export const Softmax: OpDef = {
  name: 'Softmax',
  summary: 'softmax along attr axis (default -1)',
  arity: 1,
  infer([x], attrs, where) {
    requireFloat(x, where);
    normalizeAxis(numAttr(attrs, 'axis', -1), x.shape.length, where);
    return x;
  },
  grad({ output: y, attrs, dy }) {
    const axis = numAttr(attrs, 'axis', -1);
    return [mul(y, sub(dy, reduceSum(mul(dy, y), [axis], true)))];
  },
};
export const softmax = (x: Value, axis = -1) => apply('Softmax', [x], { axis });
