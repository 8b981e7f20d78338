import type { OpDef } from '../op-def';
import type { Value } from '../value';
import { add } from './add';
import { mul } from './mul';
import { sub } from './sub';
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
  /** silu'(x) = s + x·s·(1 − s) with s = sigmoid(x). */
  grad({ inputs: [x], dy }) {
    const s = sigmoid(x);
    return [mul(dy, add(s, mul(mul(x, s), sub(1, s))))];
  },
  decompose: ([x]) => mul(x, sigmoid(x)),
};
export const silu = (x: Value) => apply('Silu', [x]);
