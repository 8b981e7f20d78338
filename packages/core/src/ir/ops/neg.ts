import type { OpDef } from '../op-def';
import type { Value } from '../value';
import { apply } from './op-kit';

export const Neg: OpDef = {
  name: 'Neg',
  summary: '-x',
  arity: 1,
  infer: ([x]) => ({ dtype: x.dtype, shape: x.shape }),
  grad: ({ dy }) => [neg(dy)],
};
export const neg = (x: Value) => apply('Neg', [x]);
