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
      const rng = Rng.fromSeed(`${seed}/${spec.name}`);
      for (let i = 0; i < data.length; i++) data[i] = rng.normal() * init.std;
      const rowSize = spec.shape[spec.shape.length - 1];
      if (init.zeroRow !== undefined && init.zeroRow < spec.shape[0]) data.fill(0, init.zeroRow * rowSize, (init.zeroRow + 1) * rowSize);
    }
    weights.set(spec.name, { dtype: 'float32', shape: [...spec.shape], data });
  }
  return weights;
}
