import { useBackendAndTempDir } from '../models/onnx-test-backend';
import path from 'node:path';
import {
  FamilyRegistry, llamaFamily, loadModelDirectory, loadTrainerState, sftOptionsSchema, SftTrainer,
  type ModelWeights, type SftJob, type TrainerState,
} from '@okapi/core';
import { tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';

const examples = [
  [1, 5, 6, 7, 8, 2], [1, 9, 10, 11, 2], [1, 5, 10, 6, 2], [1, 12, 13, 14, 15, 16, 2],
].map((inputIds) => ({ inputIds, promptLength: 2, truncated: false }));

describe(SftTrainer.name, () => {
  const ctx = useBackendAndTempDir('okapi-sft-');

  const job = (overrides: Record<string, unknown>, resume?: SftJob['resume']): SftJob => ({
    options: sftOptionsSchema.parse({ learningRate: 3e-2, warmupSteps: 0, microBatchSize: 2, evalEvery: 1000, saveEvery: 1000, ...overrides }),
    model: tinyModel(tinyLlamaConfig(), 7),
    padId: 0,
    seed: 0,
    train: examples,
    validation: examples.slice(0, 2),
    resume,
  });

  it('lowers the training and held-out loss and saves a loadable HF checkpoint', async () => {
    const losses: number[] = [];
    let saved = '';
    const result = await new SftTrainer(ctx.backend).run(job({ maxSteps: 24, evalEvery: 24 }), {
      onStepEnd: (m) => { losses.push(m.values.loss!); },
      onCheckpoint: async (_state, save) => { saved = path.join(ctx.dir, 'final'); await save(saved); },
    }, new AbortController().signal);
    expect(result.steps).toBe(24);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.5);
    expect(result.metrics.validationLoss).toBeLessThan(losses[0]!);
    expect(result.metrics.perplexity).toBeCloseTo(Math.exp(result.metrics.validationLoss!), 6);
    const reloaded = await loadModelDirectory(saved, new FamilyRegistry([llamaFamily]));
    expect(reloaded.weights.size).toBe(job({}).model.weights.size);
    expect((await loadTrainerState(saved)).state).toMatchObject({ stage: 'sft', step: 24 });
  });

  it('resumed from a mid-run checkpoint, ends with the same weights as an uninterrupted run', async () => {
    const final = async (j: SftJob, stopAt?: number): Promise<{ weights: ModelWeights; checkpoints: Map<number, string> }> => {
      const checkpoints = new Map<number, string>();
      const controller = new AbortController();
      await new SftTrainer(ctx.backend).run(j, {
        onStepEnd: (m) => { if (m.step === stopAt) controller.abort(); },
        onCheckpoint: async (state: TrainerState, save) => { const d = path.join(ctx.dir, `${state.step}-${Math.random()}`); await save(d); checkpoints.set(state.step, d); },
      }, controller.signal);
      const last = [...checkpoints].at(-1)![1];
      return { weights: (await loadModelDirectory(last, new FamilyRegistry([llamaFamily]))).weights, checkpoints };
    };
    const options = { maxSteps: 6, gradientAccumulationSteps: 2, microBatchSize: 1 };
    const straight = await final(job(options));
    const interrupted = await final(job(options), 3);
    const checkpoint = interrupted.checkpoints.get(3)!;
    const { state, moments } = await loadTrainerState(checkpoint);
    const weights = (await loadModelDirectory(checkpoint, new FamilyRegistry([llamaFamily]))).weights;
    const resumed = await final(job(options, { state, weights, moments }));
    for (const [name, t] of straight.weights) {
      const r = resumed.weights.get(name)!.data;
      t.data.forEach((v, i) => expect(Math.abs(v - r[i]!)).toBeLessThanOrEqual(1e-6));
    }
  });
});
