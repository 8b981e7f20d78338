import type { TokenizedExample } from '../../data/tokenized/tokenize-instruction';
import type { LoadedModel } from '../../models/model-directory';
import type { ModelWeights } from '../../models/parameter-init';
import type { OptimizerMoments } from '../engine/parameter-store';
import type { LoraWeights } from '../lora/lora-merge';
import type { TrainerState } from '../trainer';
import type { SftOptions } from './sft-options';

/** Everything an SFT run needs, prepared by the caller (the trainer reads no files and no config). */
export interface SftJob {
  readonly options: SftOptions;
  readonly model: LoadedModel;
  readonly padId: number;
  readonly seed: number;
  readonly train: readonly TokenizedExample[];
  readonly validation: readonly TokenizedExample[];
  /** Continue from a checkpoint written by this trainer (with LoRA: its adapters; the base weights stay `model.weights`). */
  readonly resume?: { readonly state: TrainerState; readonly weights: ModelWeights; readonly moments: OptimizerMoments; readonly adapters?: LoraWeights };
  /** Where `model` was loaded from: PEFT's `base_model_name_or_path` when adapters are saved unmerged. */
  readonly baseModelPath?: string;
}
