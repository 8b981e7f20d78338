import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  bloomFamily, FamilyRegistry, graphNames, hostTensor, llamaFamily, loadRewardModelDirectory, ResidentWeights, rewardScoresGraph,
  saveModelDirectory, saveRewardModelDirectory, type ModelArchitecture, type ModelWeights,
} from '@okapi/core';
import { tinyBloomConfig, tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';
import { createOnnxTestBackend, type OnnxTestBackend } from '../models/onnx-test-backend';

const families = new FamilyRegistry([llamaFamily, bloomFamily]);
const sequences = [[1, 5, 6, 7, 8, 9], [1, 20, 21], [1, 30, 31, 32]];

describe.each([
  ['llama', tinyLlamaConfig(), 'LlamaForSequenceClassification'],
  ['bloom', tinyBloomConfig(), 'BloomForSequenceClassification'],
])('%s reward-model scoring', (_label, config, architecture) => {
  let t: OnnxTestBackend;
  let dir: string;
  beforeAll(async () => { t = await createOnnxTestBackend(); }, 30_000);
  afterAll(async () => { await t.dispose(); });
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'okapi-rm-score-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function score(arch: ModelArchitecture, weights: ModelWeights, ids: number[][], mask: number[][]): Promise<number[]> {
    const resident = ResidentWeights.upload(t.backend, weights);
    const shape = [ids.length, ids[0]!.length];
    const session = await t.backend.compile(rewardScoresGraph(arch), { dims: { batch: shape[0]!, seq: shape[1]! } });
    const feeds = { input_ids: t.backend.upload(hostTensor('int64', shape, ids.flat())), attention_mask: t.backend.upload(hostTensor('int64', shape, mask.flat())) };
    const out = await session.run({ ...resident.tensors, ...feeds });
    const scores = Array.from((await t.backend.download(out[graphNames.scores]!)).data as Float32Array);
    [...Object.values(out), ...Object.values(feeds)].forEach((x) => x.dispose());
    await session.dispose();
    resident.dispose();
    return scores;
  }

  it('an SFT directory gets a seeded fresh score head; the saved RM reloads and scores at the last real token for left and right padding', async () => {
    const sft = tinyModel(config, 4);
    await saveModelDirectory(dir, sft.arch, sft.weights);
    const fresh = await loadRewardModelDirectory(dir, families, { freshHeadSeed: 0 });
    const again = await loadRewardModelDirectory(dir, families, { freshHeadSeed: 0 });
    expect(fresh.freshHead).toBe(true);
    expect(fresh.weights.get('score.weight')!.data).toEqual(again.weights.get('score.weight')!.data);
    await expect(loadRewardModelDirectory(dir, families)).rejects.toThrow(/not a reward model directory/);

    const rmDir = path.join(dir, 'rm');
    await saveRewardModelDirectory(rmDir, fresh.arch, fresh.weights, 0);
    expect(JSON.parse(readFileSync(path.join(rmDir, 'config.json'), 'utf8')).architectures).toEqual([architecture]);
    const { arch, weights, freshHead } = await loadRewardModelDirectory(rmDir, families);
    expect(freshHead).toBe(false);

    const alone: number[] = [];
    for (const s of sequences) alone.push(...(await score(arch, weights, [s], [s.map(() => 1)])));
    const longest = Math.max(...sequences.map((s) => s.length));
    for (const side of ['left', 'right'] as const) {
      const pad = (s: number[], v: number) => new Array<number>(longest - s.length).fill(v);
      const ids = sequences.map((s) => (side === 'left' ? [...pad(s, 0), ...s] : [...s, ...pad(s, 0)]));
      const mask = sequences.map((s) => (side === 'left' ? [...pad(s, 0), ...s.map(() => 1)] : [...s.map(() => 1), ...pad(s, 0)]));
      (await score(arch, weights, ids, mask)).forEach((v, i) => expect(Math.abs(v - alone[i]!)).toBeLessThan(1e-4));
    }
    expect(new Set(alone.map((s) => s.toFixed(4))).size).toBe(sequences.length);
  }, 60_000);
});
