import type { TensorBackend } from '../../backend/tensor-backend';
import { hostTensor } from '../../ir/host-tensor';
import { graphNames } from '../../models/graph/build-graphs';
import type { Rng } from '../../util/rng';
import type { MicroBatch, StepResult, StepRunner } from '../engine/step-runner';
import type { Advantages } from './ppo-advantages';
import { packRollouts, scatterRows } from './ppo-batch';
import { ppoInputs } from './policy-outputs';
import type { PpoSample } from './ppo-rollouts';

export interface UpdateShape {
  readonly ppoEpochs: number;
  /** Rollouts per optimizer step. */
  readonly batchSize: number;
  /** Rollouts per forward/backward pass (gradients of a step's micro-batches are accumulated). */
  readonly miniBatchSize: number;
  readonly padId: number;
  readonly maxLength: number;
}

/** Optimizer steps per iteration: every epoch walks the rollouts in batches. */
export function stepsPerIteration(numRollouts: number, s: Pick<UpdateShape, 'ppoEpochs' | 'batchSize'>): number {
  return s.ppoEpochs * Math.ceil(numRollouts / s.batchSize);
}

/**
 * The optimisation phase of a PPO iteration: `ppoEpochs` passes over the rollouts in a seeded order,
 * one optimizer step per batch (micro-batches accumulated), the clipped loss built by ppoLossForward.
 */
export class PpoUpdater {
  constructor(private readonly backend: TensorBackend, private readonly runner: StepRunner, private readonly s: UpdateShape) {}

  /** Runs every step of one iteration; `step(result, batch)` is told about each (it may throw to stop). */
  async run(samples: readonly PpoSample[], adv: Advantages, rng: Rng, lrAt: () => { lr: number; step: number },
    after: (result: StepResult, batch: readonly PpoSample[]) => Promise<void>): Promise<void> {
    const indices = samples.map((_, i) => i);
    for (let epoch = 0; epoch < this.s.ppoEpochs; epoch++) {
      const order = rng.shuffle([...indices]);
      for (let i = 0; i < order.length; i += this.s.batchSize) {
        const batch = order.slice(i, i + this.s.batchSize);
        const micro: MicroBatch[] = [];
        for (let j = 0; j < batch.length; j += this.s.miniBatchSize) micro.push(this.upload(batch.slice(j, j + this.s.miniBatchSize), samples, adv));
        const { lr, step } = lrAt();
        let result: StepResult;
        try {
          result = await this.runner.step(micro, lr, step);
        } finally {
          for (const m of micro) for (const t of Object.values(m.feeds)) t.dispose();
        }
        await after(result, batch.map((k) => samples[k]!));
      }
    }
  }

  private upload(rows: readonly number[], samples: readonly PpoSample[], adv: Advantages): MicroBatch {
    const picked = rows.map((k) => samples[k]!);
    const packed = packRollouts(picked, this.s.padId, this.s.maxLength);
    const shape = [packed.batch, packed.seq];
    const int64 = (x: number[]) => this.backend.upload(hostTensor('int64', shape, BigInt64Array.from(x, BigInt)));
    const f32 = (perRow: readonly ArrayLike<number>[]) => this.backend.upload(hostTensor('float32', shape, scatterRows(packed, perRow)));
    return {
      feeds: {
        [graphNames.inputIds]: int64(packed.inputIds),
        [graphNames.attentionMask]: int64(packed.attentionMask),
        [ppoInputs.targets]: int64(packed.targets),
        [ppoInputs.mask]: this.backend.upload(hostTensor('float32', shape, packed.mask)),
        [ppoInputs.oldLogprobs]: f32(picked.map((s) => s.logprobs)),
        [ppoInputs.oldValues]: f32(picked.map((s) => s.values)),
        [ppoInputs.advantages]: f32(rows.map((k) => adv.advantages[k]!)),
        [ppoInputs.returns]: f32(rows.map((k) => adv.returns[k]!)),
      },
      dims: { batch: packed.batch, seq: packed.seq },
    };
  }
}
