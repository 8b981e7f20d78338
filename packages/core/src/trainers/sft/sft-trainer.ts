import { createOptimization } from '../engine/optimizer-state';
import { inject, injectable } from 'tsyringe';
import type { TensorBackend } from '../../backend/tensor-backend';
import type { TokenizedExample } from '../../data/tokenized/tokenize-instruction';
import { ActiveBackend } from '../../di/run-tokens';
import type { LoadedModel } from '../../models/model-directory';
import { saveModelDirectory } from '../../models/model-directory';
import type { ModelWeights } from '../../models/parameter-init';
import type { OptimizerMoments } from '../engine/parameter-store';
import { saveTrainerState } from '../engine/optimizer-state-file';
import { trainableParameterNames } from '../engine/trainable-parameters';
import { lrMultiplier } from '../schedules/lr-schedule';
import type { Trainer, TrainerHooks, TrainerState, TrainResult } from '../trainer';
import { causalLmLoss } from './causal-lm-loss';
import { LmEvaluator } from './lm-evaluator';
import { collateLm, epochBatches, type LmBatch } from './sft-batches';
import type { SftOptions } from './sft-options';
import { uploadLmBatch } from './upload-lm-batch';

/** Everything an SFT run needs, prepared by the caller (the trainer reads no files and no config). */
export interface SftJob {
  readonly options: SftOptions;
  readonly model: LoadedModel;
  readonly padId: number;
  readonly seed: number;
  readonly train: readonly TokenizedExample[];
  readonly validation: readonly TokenizedExample[];
  /** Continue from a checkpoint written by this trainer. */
  readonly resume?: { readonly state: TrainerState; readonly weights: ModelWeights; readonly moments: OptimizerMoments };
}

/** Supervised fine-tuning (Okapi's first stage): next-token cross-entropy, AdamW, warm-up + decay. */
@injectable()
export class SftTrainer implements Trainer<SftJob> {
  constructor(@inject(ActiveBackend) private readonly backend: TensorBackend) {}

  async run(job: SftJob, hooks: TrainerHooks, signal: AbortSignal): Promise<TrainResult> {
    const { options: o, model } = job;
    const specs = model.arch.parameters();
    const trainable = trainableParameterNames(model.arch, specs, o.trainableLayers);
    const { store, runner } = createOptimization(this.backend, (t) => causalLmLoss(model.arch, t), specs, trainable,
      job.resume?.weights ?? model.weights, o, job.resume?.moments);
    const evaluator = new LmEvaluator(this.backend, model.arch, store);
    const perEpoch = Math.ceil(job.train.length / o.microBatchSize);
    const totalSteps = o.maxSteps ?? Math.ceil((o.epochs * perEpoch) / o.gradientAccumulationSteps);
    const collate = (examples: readonly TokenizedExample[]): LmBatch => collateLm(examples, { padId: job.padId, maxLength: o.maxLength, lossOn: o.lossOn });
    const batchAt = epochCursor(job.train, o.microBatchSize, job.seed, perEpoch);
    let step = job.resume?.state.step ?? 0;
    let last: Record<string, number> = {};
    const checkpoint = () => hooks.onCheckpoint?.({ stage: 'sft', step, extra: { seed: job.seed } }, async (dir) => {
      await saveModelDirectory(dir, model.arch, await store.downloadWeights() as ModelWeights);
      await saveTrainerState(dir, { stage: 'sft', step, extra: { seed: job.seed } }, await store.downloadMoments());
    });
    try {
      while (step < totalSteps && !signal.aborted) {
        const started = performance.now();
        const micro = Array.from({ length: o.gradientAccumulationSteps }, (_, i) => batchAt(step * o.gradientAccumulationSteps + i)).map(collate);
        const uploaded = micro.map((b) => uploadLmBatch(this.backend, b));
        const lr = o.learningRate * lrMultiplier(step, { kind: o.schedule, warmupSteps: o.warmupSteps, totalSteps });
        const result = await runner.step(uploaded, lr, step + 1);
        for (const b of uploaded) for (const t of Object.values(b.feeds)) t.dispose();
        step++;
        const tokens = micro.reduce((s, b) => s + b.targetTokens, 0);
        last = { loss: result.loss, lr, gradNorm: result.gradNorm, tokensPerSecond: tokens / ((performance.now() - started) / 1000) };
        await hooks.onStepEnd?.({ stage: 'sft', step, totalSteps, values: last });
        if (step % o.evalEvery === 0 || step === totalSteps) {
          last = { ...last, ...(await evaluator.evaluate(job.validation.map((e) => e), o.microBatchSize, collate)) };
          await hooks.onEvaluate?.({ stage: 'sft', step, totalSteps, values: last });
        }
        if (step % o.saveEvery === 0 && step < totalSteps) await checkpoint();
      }
      await checkpoint();
      return { stage: 'sft', steps: step, metrics: last, interrupted: step < totalSteps };
    } finally {
      await evaluator.dispose();
      await runner.dispose();
      store.dispose();
    }
  }
}

/** Micro-batch `index` of the whole run (epochs back to back), shuffling each epoch once. */
export function epochCursor<T>(examples: readonly T[], size: number, seed: number, perEpoch: number): (index: number) => T[] {
  let epoch = -1;
  let batches: T[][] = [];
  return (index) => {
    const wanted = Math.floor(index / perEpoch);
    if (wanted !== epoch) [epoch, batches] = [wanted, epochBatches(examples, size, seed, wanted)];
    return batches[index % perEpoch]!;
  };
}
