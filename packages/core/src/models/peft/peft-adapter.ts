import { existsSync } from 'node:fs';
import path from 'node:path';
import { SafetensorsFile } from '../../checkpoint/safetensors-file';
import { OkapiError } from '../../errors/okapi-error';
import type { HostTensor } from '../../ir/host-tensor';
import { addLowRankUpdate } from '../low-rank-update';
import type { ModelWeights } from '../parameter-init';
import { ADAPTER_CONFIG_FILE, ADAPTER_PICKLE_FILE, ADAPTER_WEIGHTS_FILE, PEFT_PREFIX } from './peft-layout';
import { readPeftLoraConfig, type PeftLoraConfig } from './peft-lora-config';

/** A PEFT LoRA adapter read from disk: per adapted module, A [r, in] and B [out, r]. */
export interface PeftAdapter {
  readonly dir: string;
  readonly config: PeftLoraConfig;
  readonly modules: ReadonlyMap<string, { readonly a: HostTensor<'float32'>; readonly b: HostTensor<'float32'> }>;
}

/** Where a model directory's weights are, and the PEFT adapter to apply on top, if any. */
export interface ModelSource {
  /** The directory with config.json and the (base) weights. */
  readonly weightsDir: string;
  readonly adapter?: PeftAdapter;
}

const ADAPTER_KEY = /^(.+)\.lora_([AB])(?:\.default)?\.weight$/;

/**
 * A model directory as loaders see it: a plain HF directory; one that also holds a PEFT LoRA adapter
 * (what `okapi sft` saves with lora.mergeOnSave: false); or an adapter-only directory whose
 * adapter_config.json names the base model's local directory (`base_model_name_or_path`, absolute or
 * relative to the adapter directory; the Hub is never contacted).
 */
export async function modelSource(dir: string): Promise<ModelSource> {
  if (!existsSync(path.join(dir, ADAPTER_CONFIG_FILE))) return { weightsDir: dir };
  const config = await readPeftLoraConfig(dir);
  const adapter = await readPeftAdapter(dir, config);
  if (existsSync(path.join(dir, 'config.json'))) return { weightsDir: dir, adapter };
  const base = config.baseModel === undefined ? undefined : path.resolve(dir, config.baseModel);
  if (base === undefined || !existsSync(path.join(base, 'config.json'))) {
    throw new OkapiError(`${dir} holds a PEFT adapter only, and its base model ${config.baseModel === undefined ? '(base_model_name_or_path is empty)' : `'${config.baseModel}'`} is not a local model directory${base === undefined ? '' : ` (looked for ${path.join(base, 'config.json')})`}.`, {
      hint: `Set base_model_name_or_path in ${config.file} to the base model's directory (absolute, or relative to the adapter directory); models are not downloaded.`,
    });
  }
  return { weightsDir: base, adapter };
}

async function readPeftAdapter(dir: string, config: PeftLoraConfig): Promise<PeftAdapter> {
  const file = path.join(dir, ADAPTER_WEIGHTS_FILE);
  if (!existsSync(file)) {
    const pickle = existsSync(path.join(dir, ADAPTER_PICKLE_FILE));
    throw new OkapiError(`${dir}: ${ADAPTER_CONFIG_FILE} but no ${ADAPTER_WEIGHTS_FILE}${pickle ? ` (only the pickle ${ADAPTER_PICKLE_FILE}, which is not read)` : ''}.`, {
      hint: 'Save the adapter with safetensors (PEFT: model.save_pretrained(dir, safe_serialization=True)).',
    });
  }
  const reader = await SafetensorsFile.open(file);
  try {
    const parts = new Map<string, { a?: HostTensor<'float32'>; b?: HostTensor<'float32'> }>();
    for (const key of reader.names) {
      const match = ADAPTER_KEY.exec(key.startsWith(PEFT_PREFIX) ? key.slice(PEFT_PREFIX.length) : key);
      if (match === null) {
        throw new OkapiError(`${file}: tensor '${key}' is not a LoRA A or B matrix of a linear module (LoRA on embeddings, biases and DoRA are not supported).`, {
          hint: 'Merge the adapter with PEFT (merge_and_unload) and load the merged directory.',
        });
      }
      const tensor: HostTensor<'float32'> = { dtype: 'float32', shape: [...reader.entry(key)!.shape], data: await reader.readFloat32(key) };
      const part = parts.get(match[1]!) ?? {};
      part[match[2] === 'A' ? 'a' : 'b'] = tensor;
      parts.set(match[1]!, part);
    }
    const modules = new Map([...parts].map(([module, { a, b }]) => {
      if (a === undefined || b === undefined) throw new OkapiError(`${file}: module '${module}' has lora_${a === undefined ? 'A' : 'B'} missing.`);
      return [module, { a, b }] as const;
    }));
    return { dir, config, modules };
  } finally {
    await reader.close();
  }
}

/** The weights with W ← W + scaling·B·A for every module of the adapter (shapes checked against the model). */
export function mergePeftAdapter(weights: ModelWeights, adapter: PeftAdapter): ModelWeights {
  const merged: ModelWeights = new Map(weights);
  const { rank, scaling, file } = adapter.config;
  for (const [module, { a, b }] of adapter.modules) {
    const w = weights.get(`${module}.weight`);
    if (w === undefined || w.shape.length !== 2) {
      throw new OkapiError(`${path.join(adapter.dir, ADAPTER_WEIGHTS_FILE)}: the adapter names module '${module}', which this model has no linear weight '${module}.weight' for.`, {
        hint: 'Load the adapter on the base model it was trained on (base_model_name_or_path).',
      });
    }
    const [outFeatures, inFeatures] = w.shape as [number, number];
    const expected = `A [${rank}, ${inFeatures}] and B [${outFeatures}, ${rank}]`;
    if (a.shape.join() !== `${rank},${inFeatures}` || b.shape.join() !== `${outFeatures},${rank}`) {
      throw new OkapiError(`${path.join(adapter.dir, ADAPTER_WEIGHTS_FILE)}: '${module}' has A [${a.shape.join(', ')}] and B [${b.shape.join(', ')}]; r ${rank} (${file}) and the model's [${outFeatures}, ${inFeatures}] weight need ${expected}.`);
    }
    merged.set(`${module}.weight`, addLowRankUpdate(w, a.data, b.data, rank, scaling));
  }
  return merged;
}
