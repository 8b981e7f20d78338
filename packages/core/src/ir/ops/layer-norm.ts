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
  /** With x̂ = (x − μ)/σ and u = dy·scale: dx = (u − mean(u) − x̂·mean(u·x̂)) / σ; dscale = dy·x̂; dbias = dy. */
  grad({ inputs: [x, scale], attrs, dy, wants }) {
    const { normalized, sigma } = normalize(x, numAttr(attrs, 'epsilon', 1e-5));
    const u = mul(dy, scale);
    const dx = div(sub(sub(u, reduceMean(u, [-1], true)), mul(normalized, reduceMean(mul(u, normalized), [-1], true))), sigma);
    return [wants[0] ? dx : undefined, wants[1] ? mul(dy, normalized) : undefined, wants[2] ? dy : undefined];
  },
  decompose: ([x, scale, bias], attrs) => add(mul(normalize(x, numAttr(attrs, 'epsilon', 1e-5)).normalized, scale), bias),
};
/** (x − mean) / sigma over the last axis, and sigma = sqrt(var + eps) (keepdims). */
function normalize(x: Value, epsilon: number): { normalized: Value; sigma: Value } {
  const centered = sub(x, reduceMean(x, [-1], true));
  const sigma = sqrt(add(reduceMean(mul(centered, centered), [-1], true), epsilon));
  return { normalized: div(centered, sigma), sigma };
}

export const layerNorm = (x: Value, scale: Value, bias: Value, epsilon = 1e-5) => apply('LayerNorm', [x, scale, bias], { epsilon });
