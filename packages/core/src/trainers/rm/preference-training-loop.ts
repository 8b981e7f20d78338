import { OkapiError } from '../../errors/okapi-error';
import type { MicroBatch, StepRunner } from '../engine/step-runner';
import { lrMultiplier } from '../schedules/lr-schedule';
import { epochCursor } from '../sft/sft-trainer';
import type { TrainerHooks, TrainResult } from '../trainer';
import type { RankBatch, TokenizedComparison } from './preference-batches';
import { disposeMicroBatch } from './upload-rank-batch';

/** The optimizer and bookkeeping options the RM and DPO stages share. */
export interface PreferenceLoopOptions {
  readonly epochs: number;
  readonly microBatchSize: number;
  readonly gradientAccumulationSteps: number;
  readonly maxSteps?: number;
  readonly learningRate: number;
  readonly schedule: 'cosine' | 'linear' | 'constant';
  readonly warmupSteps: number;
  readonly evalEvery: number;
  readonly saveEvery: number;
}

/** What differs between the RM and DPO loops: how a batch is fed, evaluated and saved. */
export interface PreferenceLoop {
  readonly stage: string;
  readonly options: PreferenceLoopOptions;
  readonly train: readonly TokenizedComparison[];
  readonly seed: number;
  /** Optimizer steps already done (resume). */
  readonly startStep: number;
  readonly runner: StepRunner;
  collate(comparisons: readonly TokenizedComparison[]): RankBatch;
  /** Device feeds of a collated micro-batch (DPO adds the reference log-probs). */
  upload(batch: RankBatch): Promise<MicroBatch>;
  evaluate(): Promise<Record<string, number>>;
  /** Asks the hooks for a checkpoint at `step`. */
  checkpoint(step: number): Promise<void>;
}

/** Optimizer steps the run plans: `maxSteps`, else epochs × micro-batches per epoch / accumulation. */
export function plannedSteps(o: PreferenceLoopOptions, trainSize: number): number {
  return o.maxSteps ?? Math.max(1, Math.ceil((o.epochs * Math.ceil(trainSize / o.microBatchSize)) / o.gradientAccumulationSteps));
}

/**
 * The step loop of the preference stages, SFT-shaped: seeded epoch order (so a resumed run sees the
 * batches the interrupted one would have), warm-up + decay, evaluation of the starting model (step 0)
 * and every N steps, checkpoints every N steps, a final checkpoint (also on abort).
 */
export async function runPreferenceLoop(loop: PreferenceLoop, hooks: TrainerHooks, signal: AbortSignal): Promise<TrainResult> {
  const o = loop.options;
  if (loop.train.length === 0) {
    throw new OkapiError(`${loop.stage}: no training comparisons left after the validation split.`, { hint: `Give more preference records, or lower ${loop.stage}.validationSplit.` });
  }
  const perEpoch = Math.ceil(loop.train.length / o.microBatchSize);
  const totalSteps = plannedSteps(o, loop.train.length);
  const batchAt = epochCursor(loop.train, o.microBatchSize, loop.seed, perEpoch);
  let step = loop.startStep;
  let last: Record<string, number> = {};
  if (step === 0) {
    // the starting model's held-out metrics: the baseline the report compares against
    const baseline = await loop.evaluate();
    if (Object.keys(baseline).length > 0) await hooks.onEvaluate?.({ stage: loop.stage, step: 0, totalSteps, values: baseline });
  }
  while (step < totalSteps && !signal.aborted) {
    const started = performance.now();
    const micro = Array.from({ length: o.gradientAccumulationSteps }, (_, i) => loop.collate(batchAt(step * o.gradientAccumulationSteps + i)));
    const uploaded: MicroBatch[] = [];
    for (const b of micro) uploaded.push(await loop.upload(b));
    const lr = o.learningRate * lrMultiplier(step, { kind: o.schedule, warmupSteps: o.warmupSteps, totalSteps });
    const result = await loop.runner.step(uploaded, lr, step + 1).finally(() => uploaded.forEach(disposeMicroBatch));
    step++;
    const comparisons = micro.reduce((s, b) => s + b.comparisons, 0);
    last = { loss: result.loss, lr, gradNorm: result.gradNorm, comparisonsPerSecond: comparisons / ((performance.now() - started) / 1000) };
    await hooks.onStepEnd?.({ stage: loop.stage, step, totalSteps, values: last });
    if (step % o.evalEvery === 0 || step === totalSteps) {
      last = { ...last, ...(await loop.evaluate()) };
      await hooks.onEvaluate?.({ stage: loop.stage, step, totalSteps, values: last });
    }
    if (step % o.saveEvery === 0 && step < totalSteps) await loop.checkpoint(step);
  }
  await loop.checkpoint(step);
  return { stage: loop.stage, steps: step, metrics: last, interrupted: step < totalSteps };
}
