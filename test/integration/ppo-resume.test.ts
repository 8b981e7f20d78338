import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import onnxPlugin, { OnnxBackend } from '@okapi/backend-onnx';
import {
  FamilyRegistry, llamaFamily, loadModelDirectory, loadTrainerState, OkapiError, ppoOptionsSchema, PpoTrainer,
  type ModelWeights, type NonFiniteReport, type PpoJob, type PpoProgress, type TrainerState,
} from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import { tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';
import { decodeToy, EOS, toyData, toyVerifier } from './ppo-toy-task';

const data = toyData(8);
const families = new FamilyRegistry([llamaFamily]);

describe(`${PpoTrainer.name} (resume and guards)`, () => {
  // one intra-op thread: bit-for-bit reproducible runs, so resume can be compared to 1e-6
  let t: TestScope;
  let backend: OnnxBackend;
  let dir: string;
  beforeAll(async () => {
    t = createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx', threads: 1 } } });
    backend = t.scope.resolve(OnnxBackend);
    await backend.init();
    dir = mkdtempSync(path.join(tmpdir(), 'okapi-ppo-resume-'));
  });
  afterAll(async () => {
    await backend.dispose();
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const job = (overrides: Record<string, unknown> = {}, resume?: PpoJob['resume']): PpoJob => ({
    options: ppoOptionsSchema.parse({
      numRollouts: 16, chunkSize: 8, batchSize: 8, miniBatchSize: 4, ppoEpochs: 2, iterations: 2, maxNewTokens: 3,
      learningRate: 1e-2, evalEvery: 10_000, saveEvery: 4, ...overrides,
    }),
    model: tinyModel(tinyLlamaConfig(), 5), reward: toyVerifier(), lang: 'en', decode: decodeToy, eosIds: [EOS], padId: 0, seed: 3,
    train: data.train, validation: [], resume,
  });

  /** Runs a job, checkpointing into fresh folders; `stopAt` aborts after that optimizer step. */
  async function run(j: PpoJob, stopAt?: number): Promise<Map<number, string>> {
    const checkpoints = new Map<number, string>();
    const controller = new AbortController();
    await new PpoTrainer(backend).run(j, {
      onStepEnd: (m) => { if (m.step === stopAt) controller.abort(); },
      onCheckpoint: async (state: TrainerState, save) => { const d = path.join(dir, `${state.step}-${Math.random()}`); await save(d); checkpoints.set(state.step, d); },
    }, controller.signal);
    return checkpoints;
  }
  let straightRun: Promise<Map<number, string>> | undefined;
  /** The uninterrupted reference run, shared by the resume tests. */
  const straightOnce = () => (straightRun ??= run(job()));
  const weightsAt = async (d: string): Promise<ModelWeights> => (await loadModelDirectory(d, families, { head: 'value' })).weights;

  it('interrupted after an iteration and resumed, ends with the same weights (value head included) as an uninterrupted run', async () => {
    const straight = await straightOnce();
    expect([...straight.keys()]).toEqual([4, 8]);
    const interrupted = await run(job(), 4);
    expect([...interrupted.keys()]).toEqual([4]);
    const checkpoint = interrupted.get(4)!;
    const { state, moments } = await loadTrainerState(checkpoint);
    expect(state.extra as unknown as PpoProgress).toMatchObject({ iteration: 1, cursor: 16, klController: { kind: 'adaptive' } });
    const resumed = await run(job({}, { state, weights: await weightsAt(checkpoint), moments }));
    const expected = await weightsAt(straight.get(8)!);
    const actual = await weightsAt(resumed.get(8)!);
    expect(actual.has('v_head.summary.weight')).toBe(true);
    let moved = 0;
    const initial = job().model.weights;
    for (const [name, tensor] of expected) {
      const r = actual.get(name)!.data;
      tensor.data.forEach((v, i) => expect(Math.abs(v - r[i]!)).toBeLessThanOrEqual(1e-6));
      if (initial.has(name) && tensor.data.some((v, i) => v !== initial.get(name)!.data[i])) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  }, 60_000);

  it('aborted while scoring rollouts, checkpoints the iteration start; resuming redoes that iteration exactly', async () => {
    const straight = await straightOnce();
    const controller = new AbortController();
    const verifier = toyVerifier();
    let calls = 0;
    const aborting = { id: 'aborting', score: (p: readonly string[], r: readonly string[], c: Parameters<typeof verifier.score>[2]) => {
      if (++calls === 4) controller.abort(); // iteration 2, second chunk
      return verifier.score(p, r, c);
    } };
    const checkpoints: string[] = [];
    const result = await new PpoTrainer(backend).run({ ...job(), reward: aborting }, {
      onCheckpoint: async (state, save) => { const d = path.join(dir, `abort-${checkpoints.length}-${state.step}`); await save(d); checkpoints.push(d); },
    }, controller.signal);
    expect(result.interrupted).toBe(true);
    expect(checkpoints.map((d) => d.split('-').at(-1))).toEqual(['4', '4']);
    const { state, moments } = await loadTrainerState(checkpoints[1]!);
    expect(state.extra as unknown as PpoProgress).toMatchObject({ iteration: 1, cursor: 16 });
    const resumed = await run(job({}, { state, weights: await weightsAt(checkpoints[1]!), moments }));
    const expected = await weightsAt(straight.get(8)!);
    const actual = await weightsAt(resumed.get(8)!);
    for (const [name, tensor] of expected) tensor.data.forEach((v, i) => expect(Math.abs(v - actual.get(name)!.data[i]!)).toBeLessThanOrEqual(1e-6));
  }, 60_000);

  it('stops on a non-finite reward, handing the offending rollouts to onNonFinite', async () => {
    const reports: NonFiniteReport[] = [];
    let calls = 0;
    const nanReward = { id: 'nan', score: async (prompts: readonly string[]) => prompts.map(() => (++calls === 4 ? NaN : 0)) }; // one NaN, in the first chunk
    const promise = new PpoTrainer(backend).run({ ...job({ iterations: 1 }), reward: nanReward }, { onNonFinite: (r) => { reports.push(r); } }, new AbortController().signal);
    await expect(promise).rejects.toThrow(OkapiError);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.rollouts).toHaveLength(1);
    expect(reports[0]!.values.nonFiniteRollouts).toBe(1);
  }, 30_000);

  it('frees every device tensor it made, on success and on error', async () => {
    const before = backend.memory().tensors;
    await run(job({ iterations: 1 }));
    expect(backend.memory().tensors).toBe(before);
    const failing = { id: 'failing', score: async () => { throw new Error('reward server down'); } };
    await expect(new PpoTrainer(backend).run({ ...job(), reward: failing }, {}, new AbortController().signal)).rejects.toThrow('reward server down');
    expect(backend.memory().tensors).toBe(before);
  }, 30_000);

  it('names a reward model that returns the wrong number of scores', async () => {
    const short = { id: 'short', score: async () => [1] };
    await expect(new PpoTrainer(backend).run({ ...job({ iterations: 1 }), reward: short }, {}, new AbortController().signal))
      .rejects.toThrow("Reward model 'short' returned 1 scores for 8 responses");
  }, 30_000);

  it('stops early when the KL exceeds klStop, with a checkpoint', async () => {
    const checkpoints = await run(job({ klStop: 1e-3, learningRate: 5e-2, iterations: 4 }));
    expect([...checkpoints.keys()].at(-1)).toBeLessThan(16);
  }, 30_000);
});
