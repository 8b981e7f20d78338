import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import { broadcastShapes } from '../shape';
import type { Value } from '../value';
import { apply, lift, requireSameDType, scalar, type Operand } from './op-kit';

export const Where: OpDef = {
  name: 'Where',
  summary: 'cond ? x : y elementwise (broadcasting over all three)',
  arity: 3,
  infer([c, x, y], _attrs, where) {
    if (c.dtype !== 'bool') throw new IrError(`${where}: condition must be bool, got ${c.dtype}`, 'Build it with ops.equal/less/greater.');
    return { dtype: requireSameDType([x, y], where), shape: broadcastShapes([c.shape, x.shape, y.shape], where) };
  },
  grad({ inputs: [c], dy, wants }) {
    const zero = scalar(dy, 0);
    return [undefined, wants[1] ? where(c, dy, zero) : undefined, wants[2] ? where(c, zero, dy) : undefined];
  },
};

export function where(cond: Value, x: Operand, y: Operand): Value {
  if (typeof x === 'number' && typeof y === 'number') throw new TypeError('where: x or y must be a Value');
  const xv = typeof x === 'number' ? lift(x, y as Value) : x;
  return apply('Where', [cond, xv, lift(y, xv)]);
}
