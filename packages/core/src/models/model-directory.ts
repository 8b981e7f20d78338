import { HfCheckpointReader } from '../checkpoint/checkpoint-reader';
import { saveHfCheckpoint } from '../checkpoint/checkpoint-writer';
import { readHfConfig } from '../checkpoint/hf-config';
import type { StorageDType } from '../checkpoint/safetensors-dtype';
import { join } from 'node:path';
import type { FamilyRegistry } from './family-registry';
import { parametersWithHead } from './graph/build-graphs';
import { loadWeights } from './load-weights';
import type { ModelArchitecture } from './model-architecture';
import type { ModelFamilyDescriptor } from './model-family';
import type { ModelWeights } from './parameter-init';

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
}

/** Loads an HF model directory: config.json → family → weights (float32, names and shapes checked). */
export async function loadModelDirectory(dir: string, families: FamilyRegistry, options: LoadModelOptions = {}): Promise<LoadedModel> {
  const hfConfig = await readHfConfig(dir);
  const source = join(dir, 'config.json');
  const family = families.forConfig(hfConfig, source);
  const arch = family.architecture(hfConfig, source);
  const reader = await HfCheckpointReader.open(dir);
  try {
    const weights = await loadWeights(reader, parametersWithHead(arch, options.head ?? 'lm', options.numLabels), options.fallback);
    return { family, arch, weights };
  } finally {
    await reader.close();
  }
}

/** Saves weights and config as an HF directory `transformers` loads (same names, shapes, keys). */
export async function saveModelDirectory(dir: string, arch: ModelArchitecture, weights: ModelWeights, dtype: StorageDType = 'F32'): Promise<void> {
  const tensors = [...weights].map(([name, t]) => ({ name, shape: t.shape, data: t.data }));
  await saveHfCheckpoint(dir, { config: arch.toHfConfig(), tensors, dtype });
}
