import type { OpDef } from '../op-def';
import type { Value } from '../value';
import { add } from './add';
import { mul } from './mul';
import { sub } from './sub';
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
  /** gelu'(x) = 0.5(1 + t) + 0.5·x·(1 − t²)·c·(1 + 3·0.044715·x²), t = tanh(c(x + 0.044715x³)), c = sqrt(2/pi). */
  grad({ inputs: [x], dy }) {
    const c = Math.sqrt(2 / Math.PI);
    const x2 = mul(x, x);
    const t = tanh(mul(mul(x, add(mul(x2, 0.044715), 1)), c));
    const inner = mul(add(mul(x2, 3 * 0.044715), 1), c);
    const derivative = add(mul(add(t, 1), 0.5), mul(mul(mul(x, 0.5), sub(1, mul(t, t))), inner));
    return [mul(dy, derivative)];
  },
  decompose([x]) {
    const inner = mul(add(x, mul(mul(mul(x, x), x), 0.044715)), Math.sqrt(2 / Math.PI));
    return mul(mul(x, 0.5), add(tanh(inner), 1));
  },
};
export const gelu = (x: Value) => apply('Gelu', [x]);
