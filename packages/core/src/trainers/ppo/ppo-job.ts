import type { LoadedModel } from '../../models/model-directory';
import type { ModelWeights } from '../../models/parameter-init';
import type { RewardModel } from '../../reward/reward-model';
import type { RngState } from '../../util/rng';
import type { OptimizerMoments } from '../engine/parameter-store';
import type { KlControllerState } from './kl-controller';
import type { PpoOptions } from './ppo-options';
import type { TrainerHooks, TrainerState } from '../trainer';

/** One RL prompt: its token ids (truncated by the trainer), its text and what the reward may check it against. */
export interface PpoPrompt {
  readonly ids: readonly number[];
  readonly text: string;
  /** Per-sample data for the reward model (e.g. `{ answer }` for the verifier). */
  readonly reference?: Readonly<Record<string, unknown>>;
}

/** Everything a PPO run needs, prepared by the caller (the trainer reads no files and no config). */
export interface PpoJob {
  readonly options: PpoOptions;
  /** The SFT model: the frozen reference, and the policy's starting point. */
  readonly model: LoadedModel;
  readonly reward: RewardModel;
  readonly lang: string;
  readonly decode: (ids: readonly (readonly number[])[]) => Promise<string[]>;
  readonly eosIds: readonly number[];
  readonly padId: number;
  readonly seed: number;
  readonly train: readonly PpoPrompt[];
  readonly validation: readonly PpoPrompt[];
  /** Continue from a checkpoint written by this trainer (weights include the value head). */
  readonly resume?: { readonly state: TrainerState; readonly weights: ModelWeights; readonly moments: OptimizerMoments };
}

/** The `extra` of a PPO checkpoint: what, besides weights and moments, makes a resume exact. */
export interface PpoProgress {
  readonly seed: number;
  readonly iteration: number;
  readonly klController: KlControllerState;
  readonly rng: RngState;
  /** Prompts consumed so far (PromptCursor position). */
  readonly cursor: number;
}

/** The optimizer step whose loss or gradient was not finite, with the batch that caused it. */
export interface NonFiniteReport {
  readonly step: number;
  readonly iteration: number;
  readonly values: Readonly<Record<string, number>>;
  readonly rollouts: readonly { readonly prompt: string; readonly response: string; readonly score: number; readonly queryIds: readonly number[]; readonly responseIds: readonly number[] }[];
}

export interface PpoHooks extends TrainerHooks {
  /** Sequential. Called once before the trainer stops on a NaN/∞ loss or gradient, to save the evidence. */
  onNonFinite?(report: NonFiniteReport): Promise<void> | void;
}
