import { HfCheckpointReader } from '../checkpoint/checkpoint-reader';
import { saveHfCheckpoint } from '../checkpoint/checkpoint-writer';
import { generationConfigFromModelConfig } from '../checkpoint/generation-config';
import { readHfConfig } from '../checkpoint/hf-config';
import type { StorageDType } from '../checkpoint/safetensors-dtype';
import { join } from 'node:path';
import type { FamilyRegistry } from './family-registry';
import { parametersWithHead } from './graph/build-graphs';
import { loadWeights } from './load-weights';
import type { ModelArchitecture } from './model-architecture';
import type { ModelFamilyDescriptor } from './model-family';
import type { ModelWeights } from './parameter-init';
import { mergePeftAdapter, modelSource, type ModelSource } from './peft/peft-adapter';
import type { Logger } from '../util/logger';

export interface LoadedModel {
  readonly family: ModelFamilyDescriptor;
  readonly arch: ModelArchitecture;
  readonly weights: ModelWeights;
}

/** Which head to load besides the trunk: none (causal LM), `score` (reward model) or `v_head` (PPO). */
export interface LoadModelOptions {
  readonly head?: 'lm' | 'score' | 'value';
  readonly numLabels?: number;
  /** Weights for head tensors the checkpoint lacks (e.g. a fresh score head on an SFT model). */
  readonly fallback?: ModelWeights;
  /**
   * A PEFT LoRA adapter in the directory (adapter_config.json + adapter_model.safetensors) is merged
   * into the weights (`merge`, the default, as PEFT's merge_and_unload), or left out (`ignore`: the
   * base weights, e.g. to resume LoRA training, which keeps the adapters apart).
   */
  readonly adapters?: 'merge' | 'ignore';
  /** Told when an adapter was merged. */
  readonly logger?: Logger;
}

/**
 * Loads an HF model directory: config.json → family → weights (float32, names and shapes checked),
 * with a PEFT LoRA adapter merged in when the directory holds one (or is only an adapter on a local base).
 */
export async function loadModelDirectory(dir: string, families: FamilyRegistry, options: LoadModelOptions = {}): Promise<LoadedModel> {
  const { weightsDir, adapter } = options.adapters === 'ignore' ? { weightsDir: dir, adapter: undefined } : await modelSource(dir);
  const hfConfig = await readHfConfig(weightsDir);
  const source = join(weightsDir, 'config.json');
  const family = families.forConfig(hfConfig, source);
  const arch = family.architecture(hfConfig, source);
  const reader = await HfCheckpointReader.open(weightsDir);
  try {
    const weights = await loadWeights(reader, parametersWithHead(arch, options.head ?? 'lm', options.numLabels), options.fallback);
    return { family, arch, weights: withAdapter(weights, { weightsDir, adapter }, options.logger) };
  } finally {
    await reader.close();
  }
}

/** The weights with the source's PEFT adapter merged in (and said so), or as they are. */
export function withAdapter(weights: ModelWeights, source: ModelSource, logger?: Logger): ModelWeights {
  const { adapter } = source;
  if (adapter === undefined) return weights;
  const { rank, alpha, scaling } = adapter.config;
  const onBase = source.weightsDir === adapter.dir ? '' : ` on the base model ${source.weightsDir}`;
  logger?.info(`${adapter.dir}: merged its PEFT LoRA adapter (${adapter.modules.size} modules, r ${rank}, alpha ${alpha}, scaling ${scaling})${onBase}`);
  return mergePeftAdapter(weights, adapter);
}

export interface SaveModelOptions {
  readonly dtype?: StorageDType;
  /** 'score' saves a `*ForSequenceClassification` config (reward model); default causal LM. */
  readonly head?: 'lm' | 'score' | 'value';
  readonly numLabels?: number;
}

/** The HF config for a model with a head: reward models load as `*ForSequenceClassification`. */
export function hfConfigWithHead(arch: ModelArchitecture, head: 'lm' | 'score' | 'value' = 'lm', numLabels = 1): Record<string, unknown> {
  const config = arch.toHfConfig();
  if (head !== 'score') return config;
  const causal = String((config.architectures as string[] | undefined)?.[0] ?? '');
  const labels = Array.from({ length: numLabels }, (_, i) => `LABEL_${i}`);
  return {
    ...config,
    architectures: [causal.replace(/ForCausalLM$/, 'ForSequenceClassification')],
    num_labels: numLabels,
    id2label: Object.fromEntries(labels.map((l, i) => [String(i), l])),
    label2id: Object.fromEntries(labels.map((l, i) => [l, i])),
  };
}

/**
 * Saves weights and config as an HF directory `transformers` loads (same names, shapes, keys); a
 * model that generates also gets the generation_config.json `save_pretrained` would write.
 */
export async function saveModelDirectory(dir: string, arch: ModelArchitecture, weights: ModelWeights, options: SaveModelOptions = {}): Promise<void> {
  const tensors = [...weights].map(([name, t]) => ({ name, shape: t.shape, data: t.data }));
  const config = hfConfigWithHead(arch, options.head, options.numLabels);
  const generationConfig = options.head === 'score' ? undefined : generationConfigFromModelConfig(config);
  await saveHfCheckpoint(dir, { config, tensors, dtype: options.dtype ?? 'F32', generationConfig });
}
