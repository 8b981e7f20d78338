import { createOptimization } from '../engine/optimizer-state';
import { inject, injectable } from 'tsyringe';
import type { TensorBackend } from '../../backend/tensor-backend';
import { ActiveBackend } from '../../di/run-tokens';
import type { ModelArchitecture } from '../../models/model-architecture';
import type { ModelWeights } from '../../models/parameter-init';
import type { OptimizerMoments } from '../engine/parameter-store';
import { saveTrainerState } from '../engine/optimizer-state-file';
import type { Trainer, TrainerHooks, TrainerState, TrainResult } from '../trainer';
import { collateComparisons, type TokenizedComparison } from './preference-batches';
import { runPreferenceLoop } from './preference-training-loop';
import { RewardEvaluator } from './reward-evaluator';
import { saveRewardModelDirectory } from './reward-model-directory';
import { rewardModelLoss, rewardModelParameters, rewardTrainableNames } from './reward-model-graph';
import type { RmOptions } from './rm-options';
import { uploadRankBatch } from './upload-rank-batch';

/** Everything a reward-model run needs, prepared by the caller (the trainer reads no files and no config). */
export interface RmJob {
  readonly options: RmOptions;
  /** Trunk + score head (`loadRewardModelDirectory`). */
  readonly model: { readonly arch: ModelArchitecture; readonly weights: ModelWeights };
  readonly padId: number;
  readonly seed: number;
  readonly train: readonly TokenizedComparison[];
  readonly validation: readonly TokenizedComparison[];
  readonly resume?: { readonly state: TrainerState; readonly weights: ModelWeights; readonly moments: OptimizerMoments };
}

/**
 * Reward modelling (Okapi's second stage): a sequence classifier scored at the last real token, trained
 * with −log σ(r_c − r_r) over all pairs of each comparison, or Plackett–Luce over each ranked list.
 */
@injectable()
export class RmTrainer implements Trainer<RmJob> {
  constructor(@inject(ActiveBackend) private readonly backend: TensorBackend) {}

  async run(job: RmJob, hooks: TrainerHooks, signal: AbortSignal): Promise<TrainResult> {
    const { options: o, model } = job;
    const trainable = rewardTrainableNames(model.arch, o.trainableLayers);
    const { store, runner } = createOptimization(this.backend, (t) => rewardModelLoss(model.arch, t, o.loss), rewardModelParameters(model.arch),
      trainable, job.resume?.weights ?? model.weights, o, job.resume?.moments);
    const evaluator = new RewardEvaluator(this.backend, model.arch, () => store.weightFeeds());
    const shape = { padId: job.padId, maxLength: o.maxLength };
    const extra = { seed: job.seed, loss: o.loss };
    try {
      return await runPreferenceLoop({
        stage: 'rm', options: o, train: job.train, seed: job.seed, startStep: job.resume?.state.step ?? 0, runner,
        collate: (c) => collateComparisons(c, shape),
        upload: async (b) => uploadRankBatch(this.backend, b, { pairs: o.loss === 'pairwise', lists: o.loss === 'listwise' }),
        evaluate: async () => (job.validation.length === 0 ? {} : { ...(await evaluator.evaluate(job.validation, o.microBatchSize, { ...shape, loss: o.loss })) }),
        checkpoint: async (step) => {
          const state: TrainerState = { stage: 'rm', step, extra };
          await hooks.onCheckpoint?.(state, async (dir) => {
            await saveRewardModelDirectory(dir, model.arch, await store.downloadWeights() as ModelWeights, job.padId);
            await saveTrainerState(dir, state, await store.downloadMoments());
          });
        },
      }, hooks, signal);
    } finally {
      await evaluator.dispose();
      await runner.dispose();
      store.dispose();
    }
  }
}
