import { join } from 'node:path';
import { HfCheckpointReader } from '../../checkpoint/checkpoint-reader';
import { saveHfCheckpoint } from '../../checkpoint/checkpoint-writer';
import { readHfConfig } from '../../checkpoint/hf-config';
import { OkapiError } from '../../errors/okapi-error';
import type { FamilyRegistry } from '../../models/family-registry';
import { scoreHeadParameters } from '../../models/graph/heads';
import { loadWeights } from '../../models/load-weights';
import type { ModelArchitecture } from '../../models/model-architecture';
import { withAdapter, type LoadedModel } from '../../models/model-directory';
import { modelSource } from '../../models/peft/peft-adapter';
import type { Logger } from '../../util/logger';
import { initParameters, type ModelWeights } from '../../models/parameter-init';
import { rewardModelParameters } from './reward-model-graph';

export interface LoadedRewardModel extends LoadedModel {
  /** True when the directory had no `score.weight` (an SFT model) and the head was freshly initialised. */
  readonly freshHead: boolean;
}

/**
 * Loads a reward model: an RM directory (`score.weight` present), or, when `freshHeadSeed` is given,
 * an SFT / base model with a seeded fresh score head. The LM head is never read.
 */
export async function loadRewardModelDirectory(dir: string, families: FamilyRegistry, options: { freshHeadSeed?: number | string; logger?: Logger } = {}): Promise<LoadedRewardModel> {
  // an SFT directory with a PEFT LoRA adapter (or an adapter on a local base) gets the adapter merged
  const src = await modelSource(dir);
  const source = join(src.weightsDir, 'config.json');
  const hfConfig = await readHfConfig(src.weightsDir);
  const labels = numLabels(hfConfig);
  if (labels !== 1) {
    throw new OkapiError(`${source}: a reward model has one output, but this config declares ${labels} labels.`, {
      hint: 'Train the reward model with `okapi rm`, which writes num_labels 1 (id2label with one entry).',
    });
  }
  const family = families.forConfig(hfConfig, source);
  const arch = family.architecture(hfConfig, source);
  const reader = await HfCheckpointReader.open(src.weightsDir);
  try {
    const freshHead = !reader.has('score.weight');
    const fallback = options.freshHeadSeed === undefined ? undefined : initParameters(scoreHeadParameters(arch), `${options.freshHeadSeed}/score-head`);
    if (freshHead && fallback === undefined) {
      throw new OkapiError(`${dir}: no 'score.weight' tensor, so this is not a reward model directory.`, {
        hint: 'Point at the output of `okapi rm` (its <output>/final directory).',
      });
    }
    const weights = await loadWeights(reader, rewardModelParameters(arch), fallback);
    return { family, arch, weights: withAdapter(weights, src, options.logger), freshHead };
  } finally {
    await reader.close();
  }
}

/** HF's number of labels: `num_labels`, else the size of `id2label`, else 1 (absent: a fresh head). */
function numLabels(hfConfig: Readonly<Record<string, unknown>>): number {
  if (typeof hfConfig.num_labels === 'number') return hfConfig.num_labels;
  const id2label = hfConfig.id2label;
  return typeof id2label === 'object' && id2label !== null ? Object.keys(id2label).length : 1;
}

/** The config HF writes for `*ForSequenceClassification` with one label (pad id needed to pool batches). */
export function rewardModelHfConfig(arch: ModelArchitecture, padId?: number): Record<string, unknown> {
  const base = arch.toHfConfig();
  const causal = Array.isArray(base.architectures) ? String(base.architectures[0]) : `${arch.family}ForCausalLM`;
  const architecture = causal.replace(/For[A-Za-z]+$/, '') + 'ForSequenceClassification';
  const config: Record<string, unknown> = { ...base, architectures: [architecture], id2label: { 0: 'LABEL_0' }, label2id: { LABEL_0: 0 } };
  if (config.pad_token_id == null && padId !== undefined) config.pad_token_id = padId;
  return config;
}

/** Saves a reward model as an HF `*ForSequenceClassification` directory (float32). */
export async function saveRewardModelDirectory(dir: string, arch: ModelArchitecture, weights: ModelWeights, padId?: number): Promise<void> {
  const tensors = [...weights].map(([name, t]) => ({ name, shape: t.shape, data: t.data }));
  await saveHfCheckpoint(dir, { config: rewardModelHfConfig(arch, padId), tensors, dtype: 'F32' });
}
