import type { OpDef } from '../op-def';
import type { Value } from '../value';
import { add } from './add';
import { mul } from './mul';
import { apply, requireFloat } from './op-kit';
import { tanh } from './tanh';

/** GELU, tanh approximation (BLOOM's bloom_gelu; ONNX Gelu approximate='tanh'). */
export const Gelu: OpDef = {
  name: 'Gelu',
  summary: '0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))',
  arity: 1,
  fused: true,
  infer([x], _attrs, where) {
    requireFloat(x, where);
    return x;
  },
  decompose([x]) {
    const inner = mul(add(x, mul(mul(mul(x, x), x), 0.044715)), Math.sqrt(2 / Math.PI));
    return mul(mul(x, 0.5), add(tanh(inner), 1));
  },
};
export const gelu = (x: Value) => apply('Gelu', [x]);
