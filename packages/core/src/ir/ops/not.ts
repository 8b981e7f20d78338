import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import type { Value } from '../value';
import { apply } from './op-kit';

export const Not: OpDef = {
  name: 'Not',
  summary: 'logical not (bool)',
  arity: 1,
  infer([x], _attrs, where) {
    if (x.dtype !== 'bool') throw new IrError(`${where}: Not needs bool, got ${x.dtype}`, 'Compare first (ops.equal, ops.less).');
    return x;
  },
};
export const not = (x: Value) => apply('Not', [x]);
