import type { HostTensor } from '../../ir/host-tensor';
import { addLowRankUpdate } from '../../models/low-rank-update';
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
    merged.set(t.weight, addLowRankUpdate(w, a, b, plan.rank, plan.scaling));
  }
  return merged;
}
