import { numAttr } from '../attrs';
import type { OpDef } from '../op-def';
import { broadcastShapes } from '../shape';
import type { Value } from '../value';
import { add } from './add';
import { div } from './div';
import { mul } from './mul';
import { apply, requireFloat, requireSameDType } from './op-kit';
import { reduceMean } from './reduce-mean';
import { sqrt } from './sqrt';
import { sub } from './sub';

/** RMSNorm over the last axis (HF LlamaRMSNorm; ONNX RMSNormalization): x / sqrt(mean(x^2) + eps) * scale. */
export const RMSNorm: OpDef = {
  name: 'RMSNorm',
  summary: 'RMS norm over the last axis (inputs x, scale; attr epsilon)',
  arity: 2,
  fused: true,
  infer(inputs, _attrs, where) {
    requireFloat(inputs[0], where);
    return { dtype: requireSameDType(inputs, where), shape: broadcastShapes(inputs.map((i) => i.shape), where) };
  },
  /** With r = 1/sqrt(mean(x²) + eps) and u = dy·scale: dx = r·u − r³·x·mean(u·x); dscale = dy·x·r. */
  grad({ inputs: [x, scale], attrs, dy, wants }) {
    const r = inverseRms(x, numAttr(attrs, 'epsilon', 1e-6));
    const u = mul(dy, scale);
    const dx = sub(mul(r, u), mul(mul(x, mul(r, mul(r, r))), reduceMean(mul(u, x), [-1], true)));
    return [wants[0] ? dx : undefined, wants[1] ? mul(dy, mul(x, r)) : undefined];
  },
  decompose: ([x, scale], attrs) => mul(mul(x, inverseRms(x, numAttr(attrs, 'epsilon', 1e-6))), scale),
};
/** 1 / sqrt(mean(x², -1) + eps), keepdims. */
function inverseRms(x: Value, epsilon: number): Value {
  return div(1, sqrt(add(reduceMean(mul(x, x), [-1], true), epsilon)));
}

export const rmsNorm = (x: Value, scale: Value, epsilon = 1e-6) => apply('RMSNorm', [x, scale], { epsilon });
