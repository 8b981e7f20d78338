import { createOptimization } from '../engine/optimizer-state';
import { inject, injectable } from 'tsyringe';
import type { TensorBackend } from '../../backend/tensor-backend';
import { ActiveBackend } from '../../di/run-tokens';
import type { LoadedModel } from '../../models/model-directory';
import { saveModelDirectory } from '../../models/model-directory';
import type { ModelWeights } from '../../models/parameter-init';
import { ResidentWeights } from '../../models/runtime/resident-weights';
import type { OptimizerMoments } from '../engine/parameter-store';
import { saveTrainerState } from '../engine/optimizer-state-file';
import { trainableParameterNames } from '../engine/trainable-parameters';
import { collateComparisons, type TokenizedComparison } from '../rm/preference-batches';
import { runPreferenceLoop } from '../rm/preference-training-loop';
import { uploadRankBatch } from '../rm/upload-rank-batch';
import type { Trainer, TrainerHooks, TrainerState, TrainResult } from '../trainer';
import { DpoEvaluator } from './dpo-evaluator';
import { dpoLossForward, REFERENCE_LOGPS } from './dpo-graph';
import type { DpoOptions } from './dpo-options';
import { SequenceLogpScorer } from './sequence-logp-scorer';

/** Everything a DPO run needs, prepared by the caller (the trainer reads no files and no config). */
export interface DpoJob {
  readonly options: DpoOptions;
  /** The starting policy; its weights are also the frozen reference. */
  readonly model: Pick<LoadedModel, 'arch' | 'weights'>;
  readonly padId: number;
  readonly seed: number;
  readonly train: readonly TokenizedComparison[];
  readonly validation: readonly TokenizedComparison[];
  /** Continue from a checkpoint written by this trainer (the reference stays `model.weights`). */
  readonly resume?: { readonly state: TrainerState; readonly weights: ModelWeights; readonly moments: OptimizerMoments };
}

/**
 * Direct preference optimisation: the policy trains on −log σ(β·h) over every pair of each comparison,
 * with the frozen reference's log-probs computed by a forward-only graph for each micro-batch.
 */
@injectable()
export class DpoTrainer implements Trainer<DpoJob> {
  constructor(@inject(ActiveBackend) private readonly backend: TensorBackend) {}

  async run(job: DpoJob, hooks: TrainerHooks, signal: AbortSignal): Promise<TrainResult> {
    const { options: o, model } = job;
    const specs = model.arch.parameters();
    const trainable = trainableParameterNames(model.arch, specs, o.trainableLayers);
    const { store, runner } = createOptimization(this.backend, (t) => dpoLossForward(model.arch, t, o), specs, trainable,
      job.resume?.weights ?? model.weights, o, job.resume?.moments);
    const reference = ResidentWeights.upload(this.backend, model.weights);
    const scorer = new SequenceLogpScorer(this.backend, model.arch);
    const shape = { padId: job.padId, maxLength: o.maxLength };
    const evaluator = new DpoEvaluator(this.backend, scorer, job.validation, { ...shape, batchSize: o.microBatchSize, beta: o.beta, labelSmoothing: o.labelSmoothing });
    const extra = { seed: job.seed };
    try {
      return await runPreferenceLoop({
        stage: 'dpo', options: o, train: job.train, seed: job.seed, startStep: job.resume?.state.step ?? 0, runner,
        collate: (c) => collateComparisons(c, shape),
        upload: async (b) => {
          const micro = uploadRankBatch(this.backend, b, { pairs: true, targets: true });
          const referenceLogps = await scorer.logpsOnDevice(micro, reference.tensors);
          return { feeds: { ...micro.feeds, [REFERENCE_LOGPS]: referenceLogps }, dims: micro.dims };
        },
        evaluate: async () => (job.validation.length === 0 ? {} : { ...(await evaluator.evaluate(store.weightFeeds(), reference.tensors)) }),
        checkpoint: async (step) => {
          const state: TrainerState = { stage: 'dpo', step, extra };
          await hooks.onCheckpoint?.(state, async (dir) => {
            await saveModelDirectory(dir, model.arch, await store.downloadWeights() as ModelWeights);
            await saveTrainerState(dir, state, await store.downloadMoments());
          });
        },
      }, hooks, signal);
    } finally {
      await scorer.dispose();
      await runner.dispose();
      reference.dispose();
      store.dispose();
    }
  }
}
