import { useBackendAndTempDir } from '../models/onnx-test-backend';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  FamilyRegistry, llamaFamily, loadRewardModelDirectory, loadTrainerState, RewardEvaluator, rewardModelParameters, rmOptionsSchema, RmTrainer,
  initParameters, Rng, type ModelWeights, type RmJob, type TokenizedComparison, type TrainerState,
} from '@okapi/core';
import { tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';

const MARK = 7;
const EOS = 2;

/** Prompt + response ids: the response holds the marker token `marks` times among random filler. */
function sequence(rng: Rng, prompt: number[], marks: number) {
  const response = Array.from({ length: 8 }, () => 10 + rng.int(40));
  for (let i = 0; i < marks; i++) response[1 + 2 * i] = MARK;
  return { inputIds: [1, ...prompt, ...response, EOS], promptLength: 1 + prompt.length, truncated: false };
}

/** Synthetic preferences: responses with more markers rank higher (pairs: 3 vs 0; lists: 4 > 2 > 0 in shuffled order). */
function comparisons(n: number, k: 2 | 3, seed: string): TokenizedComparison[] {
  const rng = Rng.fromSeed(seed);
  return Array.from({ length: n }, () => {
    const prompt = Array.from({ length: 3 + rng.int(3) }, () => 10 + rng.int(40));
    const marks = rng.shuffle(k === 2 ? [3, 0] : [4, 2, 0]);
    return { sequences: marks.map((m) => sequence(rng, prompt, m)), ranks: marks.map((m) => -m) };
  });
}

function startingModel() {
  const sft = tinyModel(tinyLlamaConfig(), 5);
  const head = initParameters(rewardModelParameters(sft.arch).filter((s) => s.name === 'score.weight'), 'head');
  const weights: ModelWeights = new Map(rewardModelParameters(sft.arch).map((s) => [s.name, sft.weights.get(s.name) ?? head.get(s.name)!]));
  return { arch: sft.arch, weights };
}

describe(RmTrainer.name, () => {
  const ctx = useBackendAndTempDir('okapi-rm-');

  const job = (overrides: Record<string, unknown>, data = { train: comparisons(256, 2, 'train'), validation: comparisons(24, 2, 'held-out') }, resume?: RmJob['resume']): RmJob => ({
    options: rmOptionsSchema.parse({ learningRate: 1e-2, warmupSteps: 0, microBatchSize: 8, gradientAccumulationSteps: 1, evalEvery: 1000, saveEvery: 1000, maxLength: 64, ...overrides }),
    model: startingModel(), padId: 0, seed: 0, ...data, resume,
  });

  async function train(j: RmJob, stopAt?: number) {
    const checkpoints = new Map<number, string>();
    const controller = new AbortController();
    const result = await new RmTrainer(ctx.backend).run(j, {
      onStepEnd: (m) => { if (m.step === stopAt) controller.abort(); },
      onCheckpoint: async (state: TrainerState, save) => { const d = path.join(ctx.dir, `${state.step}-${checkpoints.size}`); await save(d); checkpoints.set(state.step, d); },
    }, controller.signal);
    return { result, checkpoints, last: [...checkpoints].at(-1)![1] };
  }

  it('learns a synthetic preference to high held-out pairwise accuracy and saves a reloadable RM directory', async () => {
    const j = job({ maxSteps: 20, evalEvery: 20, microBatchSize: 16 });
    const before = new RewardEvaluator(ctx.backend, j.model.arch, () => Object.fromEntries([...j.model.weights].map(([n, w]) => [n, ctx.backend.upload(w)])));
    const initial = await before.evaluate(j.validation, 8, { padId: 0, maxLength: 64, loss: 'pairwise' });
    await before.dispose();
    const { result, last } = await train(j);
    expect(initial.pairwiseAccuracy).toBeLessThan(0.8);
    expect(result.metrics.pairwiseAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.metrics.rewardMargin).toBeGreaterThan(initial.rewardMargin);
    const config = JSON.parse(readFileSync(path.join(last, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ architectures: ['LlamaForSequenceClassification'], id2label: { 0: 'LABEL_0' }, label2id: { LABEL_0: 0 }, pad_token_id: 0 });
    const reloaded = await loadRewardModelDirectory(last, new FamilyRegistry([llamaFamily]));
    expect(reloaded.freshHead).toBe(false);
    expect([...reloaded.weights.keys()].sort()).toEqual(rewardModelParameters(j.model.arch).map((s) => s.name).sort());
    const again = new RewardEvaluator(ctx.backend, reloaded.arch, () => Object.fromEntries([...reloaded.weights].map(([n, w]) => [n, ctx.backend.upload(w)])));
    const metrics = await again.evaluate(j.validation, 8, { padId: 0, maxLength: 64, loss: 'pairwise' });
    await again.dispose();
    expect(metrics.pairwiseAccuracy).toBe(result.metrics.pairwiseAccuracy);
    expect(metrics.rewardMargin).toBeCloseTo(result.metrics.rewardMargin!, 4);
  }, 60_000);

  it('trains on K-ranked lists with the listwise (Plackett-Luce) loss; frozen blocks stay put', async () => {
    const data = { train: comparisons(128, 3, 'lists'), validation: comparisons(16, 3, 'held-out lists') };
    const j = job({ maxSteps: 40, evalEvery: 40, microBatchSize: 8, loss: 'listwise', trainableLayers: 1 }, data);
    const losses: number[] = [];
    const { result, last } = await new Promise<Awaited<ReturnType<typeof train>>>((resolve, reject) => {
      const saved = new Map<number, string>();
      new RmTrainer(ctx.backend).run(j, {
        onStepEnd: (m) => { losses.push(m.values.loss!); },
        onCheckpoint: async (state, save) => { const d = path.join(ctx.dir, `list-${state.step}`); await save(d); saved.set(state.step, d); },
      }, new AbortController().signal).then((r) => resolve({ result: r, checkpoints: saved, last: [...saved].at(-1)![1] }), reject);
    });
    expect(result.metrics.pairwiseAccuracy).toBeGreaterThanOrEqual(0.8);
    expect(mean(losses.slice(-4))).toBeLessThan(mean(losses.slice(0, 4)));
    const trained = (await loadRewardModelDirectory(last, new FamilyRegistry([llamaFamily]))).weights;
    const start = j.model.weights;
    const same = (name: string) => trained.get(name)!.data.every((v, i) => v === start.get(name)!.data[i]);
    expect(same('model.layers.0.self_attn.q_proj.weight')).toBe(true);
    expect(same('model.layers.1.self_attn.q_proj.weight')).toBe(false);
    expect(same('model.embed_tokens.weight')).toBe(false);
    expect(same('model.norm.weight')).toBe(false);
    expect(same('score.weight')).toBe(false);
  }, 60_000);

  it('resumed from a mid-run checkpoint, ends with the same weights as an uninterrupted run', async () => {
    const options = { maxSteps: 6, microBatchSize: 4, gradientAccumulationSteps: 2 };
    const straight = await train(job(options));
    const interrupted = await train(job(options), 3);
    const checkpoint = interrupted.checkpoints.get(3)!;
    const { state, moments } = await loadTrainerState(checkpoint);
    const weights = (await loadRewardModelDirectory(checkpoint, new FamilyRegistry([llamaFamily]))).weights;
    const resumed = await train(job(options, undefined, { state, weights, moments }));
    const a = (await loadRewardModelDirectory(straight.last, new FamilyRegistry([llamaFamily]))).weights;
    const b = (await loadRewardModelDirectory(resumed.last, new FamilyRegistry([llamaFamily]))).weights;
    for (const [name, tensor] of a) tensor.data.forEach((v, i) => expect(Math.abs(v - b.get(name)!.data[i]!)).toBeLessThanOrEqual(1e-6));
    expect(resumed.result.steps).toBe(6);
  }, 60_000);
});

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
