import { createOnnxTestBackend, fullForwardLogits, type OnnxTestBackend } from '../models/onnx-test-backend';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  attachLoraAdapters, collateLm, createGraph, declareWeights, FamilyRegistry, graphNames, hostTensor, llamaFamily, lmHead,
  LmEvaluator, loadLoraAdapters, loadModelDirectory, loadTrainerState, ParameterStore, planLora, saveLoraModelDirectory,
  sftOptionsSchema, SftTrainer, traceTrunk, type LoraWeights, type ModelWeights, type SftJob, type TrainerState,
} from '@okapi/core';
import { tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';

const examples = [
  [1, 5, 6, 7, 8, 2], [1, 9, 10, 11, 2], [1, 5, 10, 6, 2], [1, 12, 13, 14, 15, 16, 2], [1, 5, 6, 7, 9, 2], [1, 9, 10, 12, 2],
].map((inputIds) => ({ inputIds, promptLength: 2, truncated: false }));
const families = new FamilyRegistry([llamaFamily]);
const model = tinyModel(tinyLlamaConfig(), 7);
const lora = { rank: 4, alpha: 8, mergeOnSave: false };

const job = (overrides: Record<string, unknown>, resume?: SftJob['resume']): SftJob => ({
  options: sftOptionsSchema.parse({ learningRate: 3e-2, warmupSteps: 0, microBatchSize: 2, evalEvery: 1000, saveEvery: 1000, lora, ...overrides }),
  model, padId: 0, seed: 0, train: examples.slice(0, 4), validation: examples.slice(4), resume, baseModelPath: '/base/model',
});

describe(`${SftTrainer.name} with LoRA`, () => {
  let onnx: OnnxTestBackend;
  let dir: string;
  beforeAll(async () => {
    onnx = await createOnnxTestBackend();
    dir = mkdtempSync(path.join(tmpdir(), 'okapi-sft-lora-'));
  });
  afterAll(async () => {
    await onnx.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `j`, aborting after `stopAt`; returns the checkpoints by step. */
  const train = async (j: SftJob, stopAt?: number) => {
    const checkpoints = new Map<number, string>();
    const controller = new AbortController();
    const result = await new SftTrainer(onnx.backend).run(j, {
      onStepEnd: (m) => { if (m.step === stopAt) controller.abort(); },
      onCheckpoint: async (state: TrainerState, save) => { const d = path.join(dir, `${state.step}-${Math.random()}`); await save(d); checkpoints.set(state.step, d); },
    }, controller.signal);
    return { result, checkpoints, last: [...checkpoints].at(-1)![1] };
  };

  const heldOutLoss = async (weights: ModelWeights) => {
    const store = ParameterStore.upload(onnx.backend, weights, []);
    const evaluator = new LmEvaluator(onnx.backend, model.arch, store);
    try {
      return (await evaluator.evaluate(examples.slice(4), 2, (b) => collateLm(b, { padId: 0, maxLength: 512, lossOn: 'all' }))).validationLoss;
    } finally {
      await evaluator.dispose();
      store.dispose();
    }
  };

  let trained: { last: string; validationLoss: number };
  it('trains only the adapters: held-out loss falls below the base model’s; base weights unchanged; PEFT layout', async () => {
    const { result, last } = await train(job({ maxSteps: 30, evalEvery: 30 }));
    trained = { last, validationLoss: result.metrics.validationLoss! };
    expect(result.metrics.validationLoss).toBeLessThan(0.9 * (await heldOutLoss(model.weights)));
    const saved = await loadModelDirectory(last, families, { adapters: 'ignore' });
    for (const [name, t] of model.weights) expect(Array.from(saved.weights.get(name)!.data)).toEqual(Array.from(t.data));
    const adapters = (await loadLoraAdapters(last))!;
    // q_proj [32 → 32] and v_proj [32 → 16] per layer, 2 layers: 2·4·((32+32) + (32+16)) adapter weights
    expect([...adapters.values()].reduce((n, t) => n + t.data.length, 0)).toBe(2 * 4 * (64 + 48));
    expect(result.metrics.trainableParams).toBe(2 * 4 * (64 + 48));
    expect([...adapters].filter(([n]) => n.endsWith('lora_B.weight')).every(([, t]) => t.data.some((v) => v !== 0))).toBe(true);
    expect((await loadTrainerState(last)).moments.m.size).toBe(adapters.size);
  }, 60_000);

  it('the merged save reloads as a plain model with the logits of the adapted model (1e-5)', async () => {
    const base = (await loadModelDirectory(trained.last, families, { adapters: 'ignore' })).weights;
    const adapters = (await loadLoraAdapters(trained.last))!;
    const plan = planLora(model.arch, { ...lora, dropout: 0, mergeOnSave: true });
    const mergedDir = path.join(dir, 'merged');
    await saveLoraModelDirectory(mergedDir, model.arch, base, adapters, plan);
    const ids = [1, 5, 6, 7, 8, 2];
    const merged = await fullForwardLogits(onnx.backend, model.arch, (await loadModelDirectory(mergedDir, families)).weights, ids);
    const adapted = await adaptedLogits(base, adapters, plan, ids);
    expect(Math.max(...merged.flatMap((row, s) => Array.from(row, (v, i) => Math.abs(v - adapted[s * row.length + i]!))))).toBeLessThan(1e-5);
    expect(await heldOutLoss((await loadModelDirectory(mergedDir, families)).weights)).toBeCloseTo(trained.validationLoss, 5);
    // the unmerged (PEFT layout) save itself loads with the adapter merged in: the adapted logits too
    const unmerged = await fullForwardLogits(onnx.backend, model.arch, (await loadModelDirectory(trained.last, families)).weights, ids);
    expect(Math.max(...unmerged.flatMap((row, s) => Array.from(row, (v, i) => Math.abs(v - adapted[s * row.length + i]!))))).toBeLessThan(1e-5);
  }, 60_000);

  it('resumed mid-run (dropout on, accumulation 2) ends with the adapters of an uninterrupted run (1e-6)', async () => {
    const options = { maxSteps: 6, gradientAccumulationSteps: 2, microBatchSize: 1, lora: { ...lora, dropout: 0.2 } };
    const straight = await train(job(options));
    const interrupted = await train(job(options), 3);
    const checkpoint = interrupted.checkpoints.get(3)!;
    const { state, moments } = await loadTrainerState(checkpoint);
    const resume = { state, moments, weights: (await loadModelDirectory(checkpoint, families, { adapters: 'ignore' })).weights, adapters: await loadLoraAdapters(checkpoint) };
    const resumed = await train(job(options, resume));
    const [a, b] = [(await loadLoraAdapters(straight.last))!, (await loadLoraAdapters(resumed.last))!];
    expect(a.size).toBe(8);
    for (const [name, t] of a) t.data.forEach((v, i) => expect(Math.abs(Number(v) - Number(b.get(name)!.data[i]))).toBeLessThanOrEqual(1e-6));
    const withoutDropout = (await loadLoraAdapters((await train(job({ ...options, lora }))).last))!;
    expect([...a].some(([name, t]) => t.data.some((v, i) => v !== withoutDropout.get(name)!.data[i]))).toBe(true);
    const interruptedAdapters = (await loadLoraAdapters(interrupted.last))!;
    expect([...a].some(([name, t]) => t.data.some((v, i) => v !== interruptedAdapters.get(name)!.data[i]))).toBe(true);
  }, 60_000);

  /** Logits of the unmerged model: base weights with the adapters attached in the graph. */
  async function adaptedLogits(base: ModelWeights, adapters: LoraWeights, plan: ReturnType<typeof planLora>, ids: number[]): Promise<Float32Array> {
    const g = createGraph('adapted-logits');
    const w = declareWeights(g, model.arch.parameters());
    attachLoraAdapters(g, w, plan);
    const inputIds = g.input(graphNames.inputIds, 'int64', [1, ids.length]);
    const attentionMask = g.input(graphNames.attentionMask, 'int64', [1, ids.length]);
    g.output(graphNames.logits, lmHead(model.arch, w, traceTrunk(g, model.arch, w, { inputIds, attentionMask }).hidden));
    const session = await onnx.backend.compile(g);
    const feeds = Object.fromEntries([...base, ...adapters].map(([n, t]) => [n, onnx.backend.upload(t)]));
    feeds[graphNames.inputIds] = onnx.backend.upload(hostTensor('int64', [1, ids.length], ids));
    feeds[graphNames.attentionMask] = onnx.backend.upload(hostTensor('int64', [1, ids.length], ids.map(() => 1)));
    const out = await session.run(feeds);
    const logits = (await onnx.backend.download(out[graphNames.logits]!)).data as Float32Array;
    for (const t of [...Object.values(feeds), ...Object.values(out)]) t.dispose();
    await session.dispose();
    return logits;
  }
});
