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

/** LayerNorm over the last axis (ONNX LayerNormalization, axis -1): (x - mean) / sqrt(var + eps) * scale + bias. */
export const LayerNorm: OpDef = {
  name: 'LayerNorm',
  summary: 'layer norm over the last axis (inputs x, scale, bias; attr epsilon)',
  arity: 3,
  fused: true,
  infer(inputs, _attrs, where) {
    requireFloat(inputs[0], where);
    return { dtype: requireSameDType(inputs, where), shape: broadcastShapes(inputs.map((i) => i.shape), where) };
  },
  decompose([x, scale, bias], attrs) {
    const centered = sub(x, reduceMean(x, [-1], true));
    const variance = reduceMean(mul(centered, centered), [-1], true);
    return add(mul(div(centered, sqrt(add(variance, numAttr(attrs, 'epsilon', 1e-5)))), scale), bias);
  },
};
export const layerNorm = (x: Value, scale: Value, bias: Value, epsilon = 1e-5) => apply('LayerNorm', [x, scale, bias], { epsilon });
