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
  decompose([x, scale], attrs) {
    const meanSquare = reduceMean(mul(x, x), [-1], true);
    return mul(div(x, sqrt(add(meanSquare, numAttr(attrs, 'epsilon', 1e-6)))), scale);
  },
};
export const rmsNorm = (x: Value, scale: Value, epsilon = 1e-6) => apply('RMSNorm', [x, scale], { epsilon });
