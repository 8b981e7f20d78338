import { OkapiError } from '../../errors/okapi-error';
import type { ModelArchitecture } from '../../models/model-architecture';
import { didYouMean } from '../../util/did-you-mean';

/** One linear layer that gets an adapter. */
export interface LoraTarget {
  /** HF module path, e.g. `model.layers.0.self_attn.q_proj`. */
  readonly module: string;
  /** Its weight's parameter name (`<module>.weight`, HF layout [out, in]). */
  readonly weight: string;
  readonly inFeatures: number;
  readonly outFeatures: number;
}

/** PEFT's per-family defaults (TRANSFORMERS_MODELS_TO_LORA_TARGET_MODULES_MAPPING). */
export const defaultLoraTargetModules: Readonly<Record<string, readonly string[]>> = {
  llama: ['q_proj', 'v_proj'],
  bloom: ['query_key_value'],
};

/**
 * The model's linear layers: every 2-D `.weight` except the embedding tables (those are gathered,
 * not multiplied; a tied LM head reuses them, as in HF where `lm_head` is then not a target).
 */
export function linearModules(arch: ModelArchitecture): LoraTarget[] {
  return arch.parameters()
    .filter((s) => s.shape.length === 2 && s.name.endsWith('.weight') && !/embed/.test(s.name))
    .map((s) => ({ module: s.name.slice(0, -'.weight'.length), weight: s.name, outFeatures: s.shape[0]!, inFeatures: s.shape[1]! }));
}

/** PEFT's rule: a key selects a module whose full name equals it or ends with `.<key>`. */
const selects = (key: string, module: string) => module === key || module.endsWith(`.${key}`);

/**
 * The adapted linears for `requested` keys (default: the family's PEFT default). Every key must
 * select at least one linear module; otherwise the error lists the model's linear module names.
 */
export function resolveLoraTargets(arch: ModelArchitecture, requested?: readonly string[]): LoraTarget[] {
  const keys = requested ?? defaultLoraTargetModules[arch.family];
  if (keys === undefined) {
    throw new OkapiError(`LoRA has no default target modules for the '${arch.family}' family.`, {
      hint: `Set sft.lora.targetModules (or --lora-targets) to some of: ${shortNames(linearModules(arch)).join(', ')}.`,
    });
  }
  const modules = linearModules(arch);
  for (const key of keys) {
    if (modules.some((m) => selects(key, m.module))) continue;
    const names = shortNames(modules);
    throw new OkapiError(`sft.lora.targetModules: '${key}' matches no linear module of this ${arch.family} model.${didYouMean(key, names)}`, {
      hint: `Linear modules: ${names.join(', ')} (a full path such as '${modules[0]?.module ?? ''}' selects one layer).`,
    });
  }
  return modules.filter((m) => keys.some((key) => selects(key, m.module)));
}

/** Distinct last path components (`q_proj`, `dense_h_to_4h`, …) in model order. */
function shortNames(modules: readonly LoraTarget[]): string[] {
  return [...new Set(modules.map((m) => m.module.split('.').at(-1)!))];
}
