import type { ModelWeights } from '../../models/parameter-init';
import { Rng } from '../../util/rng';
import { loraNames, type LoraPlan } from './lora-plan';

/**
 * Fresh adapters as PEFT makes them: A ~ kaiming_uniform(a = √5), i.e. U(−1/√in, 1/√in), and B = 0,
 * so the adapted model equals the base model until the first update. Each A has its own seeded stream.
 */
export function initLoraWeights(plan: LoraPlan, seed: number | string): ModelWeights {
  const weights: ModelWeights = new Map();
  for (const t of plan.targets) {
    const bound = 1 / Math.sqrt(t.inFeatures);
    const rng = Rng.fromSeed(`${seed}/lora/${loraNames.a(t)}`);
    const a = new Float32Array(plan.rank * t.inFeatures).map(() => (2 * rng.next() - 1) * bound);
    weights.set(loraNames.a(t), { dtype: 'float32', shape: [plan.rank, t.inFeatures], data: a });
    weights.set(loraNames.b(t), { dtype: 'float32', shape: [t.outFeatures, plan.rank], data: new Float32Array(t.outFeatures * plan.rank) });
  }
  return weights;
}
