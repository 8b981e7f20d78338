import type { ZodType } from 'zod';
import type { Constructor } from '../util/constructor';

/** One logged point of a training run. */
export interface StepMetrics {
  readonly stage: string;
  readonly step: number;
  /** Total optimizer steps planned (for progress bars and ETA). */
  readonly totalSteps: number;
  readonly values: Readonly<Record<string, number>>;
}

/** Everything needed to continue a run exactly where it stopped. */
export interface TrainerState {
  readonly stage: string;
  readonly step: number;
  /** JSON-serialisable extra state: RNG, data cursor, KL controller, scheduler, … */
  readonly extra: Readonly<Record<string, unknown>>;
}

/**
 * How logging, checkpointing, reports and early stopping plug into a trainer. All hooks are
 * **sequential**: the trainer awaits each before continuing, so a checkpoint is complete before the
 * next step changes the weights.
 */
export interface TrainerHooks {
  /** After every optimizer step. */
  onStepEnd?(metrics: StepMetrics): Promise<void> | void;
  /** After every evaluation on held-out data. */
  onEvaluate?(metrics: StepMetrics): Promise<void> | void;
  /**
   * When the trainer wants a checkpoint (every N steps, at the end, and on abort): `save` writes the
   * model and the trainer state into `dir` (HF directory + `trainer-state.json` + optimizer tensors).
   */
  onCheckpoint?(state: TrainerState, save: (dir: string) => Promise<void>): Promise<void> | void;
}

export interface TrainResult {
  readonly stage: string;
  readonly steps: number;
  /** Final metrics, e.g. held-out loss or accuracy. */
  readonly metrics: Readonly<Record<string, number>>;
  /** True when stopped early by the abort signal (a checkpoint was written first). */
  readonly interrupted: boolean;
}

/** A training algorithm. The trainer never writes files or reads config: hooks and options do. */
export interface Trainer<Options = unknown> {
  run(options: Options, hooks: TrainerHooks, signal: AbortSignal): Promise<TrainResult>;
}

/** A trainer contribution ('sft', 'rm', 'ppo', 'dpo'); its options are the config section `id`. */
export interface TrainerDescriptor<Options = unknown> {
  readonly id: string;
  readonly summary: string;
  readonly optionsSchema?: ZodType<Options>;
  /** `@injectable()` class resolved in the run scope. */
  readonly useClass?: Constructor<Trainer<Options>>;
}
