import type { ModelArchitecture, ParameterSpec } from '../../models/model-architecture';
import type { LoraOptions } from './lora-options';
import { resolveLoraTargets, type LoraTarget } from './lora-targets';

/** LoRA bound to one model: which linears are adapted, and how. */
export interface LoraPlan {
  readonly targets: readonly LoraTarget[];
  readonly rank: number;
  readonly alpha: number;
  /** alpha / rank: the factor on B·A (PEFT's `scaling`, without rsLoRA). */
  readonly scaling: number;
  readonly dropout: number;
  readonly mergeOnSave: boolean;
  /** The keys as the user gave them (or the family default): PEFT's `target_modules`. */
  readonly targetModules: readonly string[];
}

/** Adapter parameter names: PEFT's state-dict names without its `base_model.model.` prefix. */
export const loraNames = {
  a: (t: LoraTarget) => `${t.module}.lora_A.weight`,
  b: (t: LoraTarget) => `${t.module}.lora_B.weight`,
} as const;

export function planLora(arch: ModelArchitecture, o: LoraOptions): LoraPlan {
  const targets = resolveLoraTargets(arch, o.targetModules);
  const shortNames = [...new Set(targets.map((t) => t.module.split('.').at(-1)!))];
  return {
    targets, rank: o.rank, alpha: o.alpha, scaling: o.alpha / o.rank, dropout: o.dropout, mergeOnSave: o.mergeOnSave,
    targetModules: o.targetModules ?? shortNames,
  };
}

/**
 * A [rank, in] and B [out, rank] per target, as PEFT shapes them. The `init` field is nominal:
 * adapters are initialised by `initLoraWeights` (Kaiming-uniform A, zero B), not `initParameters`.
 */
export function loraParameterSpecs(plan: LoraPlan): ParameterSpec[] {
  return plan.targets.flatMap((t) => [
    { name: loraNames.a(t), shape: [plan.rank, t.inFeatures], init: { kind: 'zeros' as const } },
    { name: loraNames.b(t), shape: [t.outFeatures, plan.rank], init: { kind: 'zeros' as const } },
  ]);
}
