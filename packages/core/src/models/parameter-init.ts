import type { HostTensor } from '../ir/host-tensor';
import { numel } from '../ir/shape';
import { Rng } from '../util/rng';
import type { ParameterSpec } from './model-architecture';

/** Float32 host tensors by HF parameter name. */
export type ModelWeights = Map<string, HostTensor<'float32'>>;

/**
 * Fresh weights as HF `_init_weights` makes them: normal(0, initializer_range) for linear and
 * embedding matrices (pad row zeroed), zeros for biases, ones for norm scales. Each tensor draws
 * from its own stream (seed + name), so adding a head never changes the trunk's weights.
 */
export function initParameters(specs: readonly ParameterSpec[], seed: number | string): ModelWeights {
  const weights: ModelWeights = new Map();
  for (const spec of specs) {
    const data = new Float32Array(numel(spec.shape));
    const init = spec.init;
    if (init.kind === 'ones') data.fill(1);
    if (init.kind === 'normal') {
      fillNormal(data, Rng.fromSeed(`${seed}/${spec.name}`), init.std);
      const rowSize = spec.shape[spec.shape.length - 1];
      if (init.zeroRow !== undefined && init.zeroRow < spec.shape[0]) data.fill(0, init.zeroRow * rowSize, (init.zeroRow + 1) * rowSize);
    }
    weights.set(spec.name, { dtype: 'float32', shape: [...spec.shape], data });
  }
  return weights;
}

const TWO_POW_32 = 4294967296;

/**
 * Box–Muller using both outputs of each pair and 32-bit uniforms: about 4x faster than
 * `Rng.normal()`, which matters for 100M+ parameter models (float32 storage needs no more bits).
 */
function fillNormal(data: Float32Array, rng: Rng, std: number): void {
  for (let i = 0; i < data.length; i += 2) {
    const u = (rng.nextUint32() + 1) / (TWO_POW_32 + 1); // (0, 1): log is finite
    const angle = (2 * Math.PI * rng.nextUint32()) / TWO_POW_32;
    const radius = std * Math.sqrt(-2 * Math.log(u));
    data[i] = radius * Math.cos(angle);
    if (i + 1 < data.length) data[i + 1] = radius * Math.sin(angle);
  }
}
