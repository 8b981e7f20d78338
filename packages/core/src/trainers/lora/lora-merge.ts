import type { HostTensor } from '../../ir/host-tensor';
import type { ModelWeights } from '../../models/parameter-init';
import { loraNames, type LoraPlan } from './lora-plan';

/** Adapter tensors by name (`<module>.lora_A.weight`, `<module>.lora_B.weight`). */
export type LoraWeights = ReadonlyMap<string, HostTensor>;

/** The base weights with W ← W + scaling·B·A for every target (a plain model: loads anywhere). */
export function mergeLoraWeights(base: ModelWeights, adapters: LoraWeights, plan: LoraPlan): ModelWeights {
  const merged: ModelWeights = new Map(base);
  for (const t of plan.targets) {
    const w = base.get(t.weight);
    const a = adapters.get(loraNames.a(t))?.data;
    const b = adapters.get(loraNames.b(t))?.data;
    if (w === undefined || a === undefined || b === undefined) throw new Error(`LoRA merge: missing weights of '${t.module}'`);
    const out = new Float32Array(w.data);
    const delta = new Float64Array(t.inFeatures); // one row of scaling·B·A, summed in float64
    for (let o = 0; o < t.outFeatures; o++) {
      delta.fill(0);
      for (let k = 0; k < plan.rank; k++) {
        const scaledB = plan.scaling * Number(b[o * plan.rank + k]);
        for (let i = 0; i < t.inFeatures; i++) delta[i]! += scaledB * Number(a[k * t.inFeatures + i]);
      }
      for (let i = 0; i < t.inFeatures; i++) out[o * t.inFeatures + i] = Number(w.data[o * t.inFeatures + i]) + delta[i]!;
    }
    merged.set(t.weight, { dtype: 'float32', shape: [...w.shape], data: out });
  }
  return merged;
}
