import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomic } from '../../checkpoint/atomic-write';
import { SafetensorsFile } from '../../checkpoint/safetensors-file';
import { writeSafetensors } from '../../checkpoint/safetensors-writer';
import type { HostTensor } from '../../ir/host-tensor';
import type { ModelArchitecture } from '../../models/model-architecture';
import { saveModelDirectory } from '../../models/model-directory';
import type { ModelWeights } from '../../models/parameter-init';
import { ADAPTER_CONFIG_FILE, ADAPTER_WEIGHTS_FILE, PEFT_PREFIX } from '../../models/peft/peft-layout';
import { mergeLoraWeights, type LoraWeights } from './lora-merge';
import type { LoraPlan } from './lora-plan';

export { ADAPTER_CONFIG_FILE, ADAPTER_WEIGHTS_FILE } from '../../models/peft/peft-layout';
/** Unmerged adapters of a merged checkpoint, for `--resume` only (no adapter_config.json beside them, so no loader applies them twice). */
export const LORA_STATE_FILE = 'lora-state.safetensors';

/** PEFT's `adapter_config.json` for these adapters (inference settings, as `save_pretrained` writes them). */
export function peftAdapterConfig(plan: LoraPlan, baseModel: string): Record<string, unknown> {
  return {
    peft_type: 'LORA', task_type: 'CAUSAL_LM', base_model_name_or_path: baseModel, inference_mode: true,
    r: plan.rank, lora_alpha: plan.alpha, lora_dropout: plan.dropout, target_modules: [...plan.targetModules],
    bias: 'none', fan_in_fan_out: false, use_rslora: false, init_lora_weights: true, modules_to_save: null,
  };
}

/**
 * A model directory for LoRA weights. mergeOnSave: the merged model (plain HF) plus the adapters in
 * `lora-state.safetensors`; otherwise the base model plus PEFT's adapter_config.json and adapter_model.safetensors.
 */
export async function saveLoraModelDirectory(
  dir: string, arch: ModelArchitecture, base: ModelWeights, adapters: LoraWeights, plan: LoraPlan, baseModel = '',
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tensors = [...adapters].map(([name, t]) => ({ name: PEFT_PREFIX + name, shape: t.shape, data: t.data as Float32Array }));
  if (plan.mergeOnSave) {
    await saveModelDirectory(dir, arch, mergeLoraWeights(base, adapters, plan));
    await writeSafetensors(path.join(dir, LORA_STATE_FILE), tensors, 'F32');
    return;
  }
  await saveModelDirectory(dir, arch, base);
  await writeSafetensors(path.join(dir, ADAPTER_WEIGHTS_FILE), tensors, 'F32');
  await writeJsonAtomic(path.join(dir, ADAPTER_CONFIG_FILE), peftAdapterConfig(plan, baseModel));
}

/** The adapters saved in `dir` (either layout), by Okapi name; undefined when there are none. */
export async function loadLoraAdapters(dir: string): Promise<LoraWeights | undefined> {
  for (const file of [ADAPTER_WEIGHTS_FILE, LORA_STATE_FILE]) {
    const full = path.join(dir, file);
    if (!(await access(full).then(() => true, () => false))) continue;
    const reader = await SafetensorsFile.open(full);
    try {
      const adapters = new Map<string, HostTensor>();
      for (const name of reader.names) {
        const tensor: HostTensor = { dtype: 'float32', shape: [...reader.entry(name)!.shape], data: await reader.readFloat32(name) };
        adapters.set(name.startsWith(PEFT_PREFIX) ? name.slice(PEFT_PREFIX.length) : name, tensor);
      }
      return adapters;
    } finally {
      await reader.close();
    }
  }
  return undefined;
}
