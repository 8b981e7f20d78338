import type { OpDef } from '../op-def';
import type { Value } from '../value';
import { mul } from './mul';
import { apply, requireFloat } from './op-kit';
import { sigmoid } from './sigmoid';

/** SiLU / swish: x * sigmoid(x) (LLaMA MLP). */
export const Silu: OpDef = {
  name: 'Silu',
  summary: 'x * sigmoid(x)',
  arity: 1,
  fused: true,
  infer([x], _attrs, where) {
    requireFloat(x, where);
    return x;
  },
  decompose: ([x]) => mul(x, sigmoid(x)),
};
export const silu = (x: Value) => apply('Silu', [x]);
