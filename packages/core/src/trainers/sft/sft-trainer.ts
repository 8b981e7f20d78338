import { createOptimization } from '../engine/optimizer-state';
import { inject, injectable } from 'tsyringe';
import type { TensorBackend } from '../../backend/tensor-backend';
import type { TokenizedExample } from '../../data/tokenized/tokenize-instruction';
import { ActiveBackend } from '../../di/run-tokens';
import { saveTrainerState } from '../engine/optimizer-state-file';
import type { MicroBatch } from '../engine/step-runner';
import { loraDropoutFeeds } from '../lora/lora-dropout';
import { lrMultiplier } from '../schedules/lr-schedule';
import type { Trainer, TrainerHooks, TrainResult } from '../trainer';
import { LmEvaluator } from './lm-evaluator';
import type { SftJob } from './sft-job';
import { sftParameters, type SftParameters } from './sft-parameters';
import { collateLm, epochBatches, type LmBatch } from './sft-batches';
import { uploadLmBatch } from './upload-lm-batch';

export type { SftJob } from './sft-job';

/** Supervised fine-tuning (Okapi's first stage): next-token cross-entropy, AdamW, warm-up + decay. */
@injectable()
export class SftTrainer implements Trainer<SftJob> {
  constructor(@inject(ActiveBackend) private readonly backend: TensorBackend) {}

  async run(job: SftJob, hooks: TrainerHooks, signal: AbortSignal): Promise<TrainResult> {
    const { options: o, model } = job;
    const params = sftParameters(job);
    const { store, runner } = createOptimization(this.backend, () => params.forward, params.specs, params.trainable, params.weights, o, job.resume?.moments);
    const evaluator = new LmEvaluator(this.backend, model.arch, store, params.lora);
    const perEpoch = Math.ceil(job.train.length / o.microBatchSize);
    const totalSteps = o.maxSteps ?? Math.ceil((o.epochs * perEpoch) / o.gradientAccumulationSteps);
    const collate = (examples: readonly TokenizedExample[]): LmBatch => collateLm(examples, { padId: job.padId, maxLength: o.maxLength, lossOn: o.lossOn });
    const batchAt = epochCursor(job.train, o.microBatchSize, job.seed, perEpoch);
    let step = job.resume?.state.step ?? 0;
    let last: Record<string, number> = {};
    const checkpoint = () => hooks.onCheckpoint?.({ stage: 'sft', step, extra: { seed: job.seed } }, async (dir) => {
      await params.save(dir, await store.downloadWeights());
      await saveTrainerState(dir, { stage: 'sft', step, extra: { seed: job.seed } }, await store.downloadMoments());
    });
    try {
      while (step < totalSteps && !signal.aborted) {
        const started = performance.now();
        const micro = Array.from({ length: o.gradientAccumulationSteps }, (_, i) => batchAt(step * o.gradientAccumulationSteps + i)).map(collate);
        const uploaded = micro.map((b, i) => this.upload(b, params, job.seed, step * o.gradientAccumulationSteps + i));
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
      return { stage: 'sft', steps: step, metrics: { ...last, trainableParams: params.trainableCount }, interrupted: step < totalSteps };
    } finally {
      await evaluator.dispose();
      await runner.dispose();
      store.dispose();
    }
  }

  /** A micro-batch's feeds, plus LoRA dropout masks drawn for its index in the run. */
  private upload(batch: LmBatch, params: SftParameters, seed: number, index: number): MicroBatch {
    const micro = uploadLmBatch(this.backend, batch);
    if (params.lora === undefined) return micro;
    return { ...micro, feeds: { ...micro.feeds, ...loraDropoutFeeds(this.backend, params.lora, { batch: batch.batch, seq: batch.seq }, seed, index) } };
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
