import { numAttr } from '../attrs';
import type { OpDef } from '../op-def';
import { normalizeAxis } from '../shape';
import type { Value } from '../value';
import { exp } from './exp';
import { mul } from './mul';
import { apply, requireFloat } from './op-kit';
import { reduceSum } from './reduce-sum';
import { sub } from './sub';

/** ONNX LogSoftmax (opset 13). dx = dy - softmax(x) sum(dy). */
export const LogSoftmax: OpDef = {
  name: 'LogSoftmax',
  summary: 'log-softmax along attr axis (default -1)',
  arity: 1,
  infer([x], attrs, where) {
    requireFloat(x, where);
    normalizeAxis(numAttr(attrs, 'axis', -1), x.shape.length, where);
    return x;
  },
  grad({ output: y, attrs, dy }) {
    const axis = numAttr(attrs, 'axis', -1);
    return [sub(dy, mul(exp(y), reduceSum(dy, [axis], true)))];
  },
};
export const logSoftmax = (x: Value, axis = -1) => apply('LogSoftmax', [x], { axis });
