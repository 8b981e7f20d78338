import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import onnxPlugin, { OnnxBackend } from '@okapi/backend-onnx';
import {
  FamilyRegistry, llamaFamily, loadModelDirectory, ppoOptionsSchema, PpoTrainer, sftOptionsSchema, SftTrainer,
  type LoadedModel, type PpoJob, type StepMetrics,
} from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import { tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';
import { decodeToy, EOS, toyData, toyVerifier } from './ppo-toy-task';

const data = toyData(64);

describe(PpoTrainer.name, () => {
  let t: TestScope;
  let backend: OnnxBackend;
  let dir: string;
  beforeAll(async () => {
    t = createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx', threads: 1 } } });
    backend = t.scope.resolve(OnnxBackend);
    await backend.init();
    dir = mkdtempSync(path.join(tmpdir(), 'okapi-ppo-'));
  });
  afterAll(async () => {
    await backend.dispose();
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The tiny LLaMA after SFT on the toy task: it answers a or b (both were taught), b more often. */
  async function sftModel(): Promise<LoadedModel> {
    const model = tinyModel(tinyLlamaConfig(), 7);
    const options = sftOptionsSchema.parse({ learningRate: 1e-2, schedule: 'constant', warmupSteps: 0, microBatchSize: 32, maxSteps: 600, lossOn: 'response', evalEvery: 1000, saveEvery: 1000 });
    const saved = path.join(dir, 'sft');
    await new SftTrainer(backend).run({ options, model, padId: 0, seed: 0, train: data.sft, validation: data.sft.slice(0, 4) },
      { onCheckpoint: (_state, save) => save(saved) }, new AbortController().signal);
    return loadModelDirectory(saved, new FamilyRegistry([llamaFamily]));
  }

  it('raises the held-out verifier reward of an SFT model by a clear margin while KL stays bounded (seed 0)', async () => {
    const job: PpoJob = {
      options: ppoOptionsSchema.parse({
        numRollouts: 64, chunkSize: 32, batchSize: 16, miniBatchSize: 16, ppoEpochs: 2, iterations: 15, maxNewTokens: 2,
        learningRate: 2e-3, vfCoef: 0.1, schedule: 'constant', initKlCoef: 0.05, evalEvery: 10_000, saveEvery: 10_000,
      }),
      model: await sftModel(), reward: toyVerifier(), lang: 'en', decode: decodeToy, eosIds: [EOS], padId: 0, seed: 0,
      train: data.train, validation: data.validation,
    };
    const iterations: StepMetrics[] = [];
    const evals: StepMetrics[] = [];
    const result = await new PpoTrainer(backend).run(job, { onStepEnd: (m) => { iterations.push(m); }, onEvaluate: (m) => { evals.push(m); } }, new AbortController().signal);

    expect(result.steps).toBe(15 * 2 * 4);
    expect(iterations).toHaveLength(15);
    expect(evals.map((e) => e.step)).toEqual([0, 120]);

    // held-out prompts (pairs never seen in SFT or PPO), greedy answers, exact-answer verifier;
    // observed (ONNX CPU, 1 thread, run seed 0): 0.34 → 0.75 with this model seed (7); 0.52 → 0.92 and
    // 0.48 → 0.92 with model seeds 1 and 3; mean KL per response stayed below 1
    const [before, after] = evals.map((e) => e.values.validationReward!);
    expect(after! - before!).toBeGreaterThanOrEqual(0.25);
    const rewards = iterations.map((m) => m.values.reward!);
    expect(mean(rewards.slice(-5))).toBeGreaterThan(mean(rewards.slice(0, 5)) + 0.1);
    // the KL penalty keeps the policy near the reference
    expect(Math.max(...iterations.map((m) => m.values.kl!))).toBeLessThan(3);
    for (const key of ['entropy', 'clipFraction', 'valueLoss', 'explainedVariance', 'responseLength', 'timeGeneration', 'timeScoring', 'timeTraining', 'klCoef']) {
      expect(iterations.every((m) => Number.isFinite(m.values[key]))).toBe(true);
    }
  }, 120_000);
});

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
