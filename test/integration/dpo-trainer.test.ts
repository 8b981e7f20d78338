import { useBackendAndTempDir } from '../models/onnx-test-backend';
import path from 'node:path';
import {
  collateComparisons, DpoEvaluator, dpoOptionsSchema, DpoTrainer, FamilyRegistry, llamaFamily, loadModelDirectory, loadTrainerState,
  ResidentWeights, Rng, SequenceLogpScorer, uploadRankBatch, type DpoJob, type ModelWeights, type TokenizedComparison, type TrainerState,
} from '@okapi/core';
import { tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';
import { fullForwardLogits } from '../models/onnx-test-backend';

const MARK = 7;

/** Pairs with the same prompt and response length: the chosen response carries the marker token three times. */
function comparisons(n: number, seed: string): TokenizedComparison[] {
  const rng = Rng.fromSeed(seed);
  const filler = () => 10 + rng.int(40);
  return Array.from({ length: n }, () => {
    const prompt = [1, ...Array.from({ length: 3 + rng.int(3) }, filler)];
    const rejected = Array.from({ length: 6 }, filler);
    const chosen = rejected.map((t, i) => (i % 2 === 1 ? MARK : t));
    const seq = (response: number[]) => ({ inputIds: [...prompt, ...response, 2], promptLength: prompt.length, truncated: false });
    return { sequences: [seq(chosen), seq(rejected)], ranks: [0, 1] };
  });
}

const families = new FamilyRegistry([llamaFamily]);

describe(DpoTrainer.name, () => {
  const ctx = useBackendAndTempDir('okapi-dpo-');

  const model = tinyModel(tinyLlamaConfig(), 9);
  const job = (overrides: Record<string, unknown>, resume?: DpoJob['resume']): DpoJob => ({
    options: dpoOptionsSchema.parse({ learningRate: 1e-2, warmupSteps: 0, microBatchSize: 8, gradientAccumulationSteps: 1, evalEvery: 1000, saveEvery: 1000, maxLength: 64, beta: 0.5, ...overrides }),
    model, padId: 0, seed: 0, train: comparisons(128, 'train'), validation: comparisons(24, 'held-out'), resume,
  });

  async function train(j: DpoJob, stopAt?: number) {
    const checkpoints = new Map<number, string>();
    const controller = new AbortController();
    const result = await new DpoTrainer(ctx.backend).run(j, {
      onStepEnd: (m) => { if (m.step === stopAt) controller.abort(); },
      onCheckpoint: async (state: TrainerState, save) => { const d = path.join(ctx.dir, `${state.step}-${checkpoints.size}`); await save(d); checkpoints.set(state.step, d); },
    }, controller.signal);
    return { result, checkpoints, last: [...checkpoints].at(-1)![1] };
  }

  it('sequence log-probs count response tokens only, and match a full forward', async () => {
    const [c] = comparisons(1, 'one');
    const scorer = new SequenceLogpScorer(ctx.backend, model.arch);
    const weights = ResidentWeights.upload(ctx.backend, model.weights);
    const micro = uploadRankBatch(ctx.backend, collateComparisons([c!], { padId: 0, maxLength: 64 }), { targets: true });
    const logps = await scorer.logps(micro, weights.tensors);
    Object.values(micro.feeds).forEach((f) => f.dispose());
    weights.dispose();
    await scorer.dispose();
    for (const [row, e] of c!.sequences.entries()) {
      const logits = await fullForwardLogits(ctx.backend, model.arch, model.weights, e.inputIds);
      let expected = 0;
      for (let t = e.promptLength; t < e.inputIds.length; t++) {
        const z = logits[t - 1]!;
        const max = Math.max(...z);
        expected += z[e.inputIds[t]!]! - max - Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
      }
      expect(logps[row]).toBeCloseTo(expected, 3);
    }
  }, 60_000);

  it('raises held-out preference accuracy over the starting model', async () => {
    const j = job({ maxSteps: 16, evalEvery: 16 });
    const reference = ResidentWeights.upload(ctx.backend, model.weights);
    const scorer = new SequenceLogpScorer(ctx.backend, model.arch);
    const before = await new DpoEvaluator(ctx.backend, scorer, j.validation, { padId: 0, maxLength: 64, batchSize: 8, beta: 0.5, labelSmoothing: 0 }).evaluate(reference.tensors, reference.tensors);
    reference.dispose();
    await scorer.dispose();
    const { result, last } = await train(j);
    expect(before.validationLoss).toBeCloseTo(Math.LN2, 6); // policy = reference
    expect(result.metrics.preferenceAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.metrics.preferenceAccuracy).toBeGreaterThan(before.preferenceAccuracy + 0.3);
    expect(result.metrics.rewardAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.metrics.rewardMargin).toBeGreaterThan(0);
    expect(result.metrics.validationLoss).toBeLessThan(Math.LN2);
    expect((await loadModelDirectory(last, families)).weights.size).toBe(model.weights.size);
  }, 60_000);

  it('resumed from a mid-run checkpoint, ends with the same weights as an uninterrupted run', async () => {
    const options = { maxSteps: 6, microBatchSize: 4, gradientAccumulationSteps: 2, labelSmoothing: 0.1 };
    const straight = await train(job(options));
    const interrupted = await train(job(options), 3);
    const checkpoint = interrupted.checkpoints.get(3)!;
    const { state, moments } = await loadTrainerState(checkpoint);
    const weights: ModelWeights = (await loadModelDirectory(checkpoint, families)).weights;
    const resumed = await train(job(options, { state, weights, moments }));
    const a = (await loadModelDirectory(straight.last, families)).weights;
    const b = (await loadModelDirectory(resumed.last, families)).weights;
    for (const [name, tensor] of a) tensor.data.forEach((v, i) => expect(Math.abs(v - b.get(name)!.data[i]!)).toBeLessThanOrEqual(1e-6));
  }, 60_000);
});
