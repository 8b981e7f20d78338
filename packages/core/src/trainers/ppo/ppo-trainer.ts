import { inject, injectable } from 'tsyringe';
import type { TensorBackend } from '../../backend/tensor-backend';
import { ActiveBackend } from '../../di/run-tokens';
import type { Trainer, TrainResult } from '../trainer';
import type { PpoHooks, PpoJob } from './ppo-job';
import { PpoRun } from './ppo-run';

/**
 * PPO (Okapi's third stage): policy = SFT model + value head, frozen reference for the per-token KL
 * penalty, rollouts scored by a RewardModel, GAE, clipped policy and value losses, adaptive KL.
 * Checkpoints fall on iteration boundaries: an abort during the rollouts stops at once (that iteration
 * is redone on resume); one during the PPO epochs takes effect when they end.
 */
@injectable()
export class PpoTrainer implements Trainer<PpoJob> {
  constructor(@inject(ActiveBackend) private readonly backend: TensorBackend) {}

  async run(job: PpoJob, hooks: PpoHooks, signal: AbortSignal): Promise<TrainResult> {
    const run = new PpoRun(this.backend, job);
    try {
      return await run.train(hooks, signal);
    } finally {
      await run.dispose();
    }
  }
}
