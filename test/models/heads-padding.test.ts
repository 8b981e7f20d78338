import { ResidentWeights, buildSequenceClassificationGraph, buildValueHeadGraph, hostTensor, type ModelWeights } from '@okapi/core';
import { tinyBloomConfig, tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';
import { createOnnxTestBackend, type OnnxTestBackend } from './onnx-test-backend';

const sequences = [[5, 6, 7, 8, 9, 10], [20, 21, 22], [30, 31, 32, 33]];
type Side = 'left' | 'right';

function pad(side: Side, padId: number) {
  const longest = Math.max(...sequences.map((s) => s.length));
  const fill = (s: number[], v: number) => new Array<number>(longest - s.length).fill(v);
  return {
    ids: sequences.map((s) => (side === 'left' ? [...fill(s, padId), ...s] : [...s, ...fill(s, padId)])),
    mask: sequences.map((s) => (side === 'left' ? [...fill(s, 0), ...s.map(() => 1)] : [...s.map(() => 1), ...fill(s, 0)])),
  };
}

describe.each([
  ['llama', tinyLlamaConfig()],
  ['bloom', tinyBloomConfig()],
])('%s heads under padding', (_label, config) => {
  let t: OnnxTestBackend;
  beforeAll(async () => { t = await createOnnxTestBackend(); }, 30_000);
  afterAll(async () => { await t.dispose(); });

  async function run(weights: ModelWeights, graph: ReturnType<typeof buildValueHeadGraph>, ids: number[][], mask: number[][]) {
    const resident = ResidentWeights.upload(t.backend, weights);
    const session = await t.backend.compile(graph);
    const shape = [ids.length, ids[0].length];
    const feeds = { input_ids: t.backend.upload(hostTensor('int64', shape, ids.flat())), attention_mask: t.backend.upload(hostTensor('int64', shape, mask.flat())) };
    const out = await session.run({ ...resident.tensors, ...feeds });
    const result: Record<string, Float32Array> = {};
    for (const [name, x] of Object.entries(out)) {
      result[name] = (await t.backend.download(x)).data as Float32Array;
      x.dispose();
    }
    Object.values(feeds).forEach((f) => f.dispose());
    await session.dispose();
    resident.dispose();
    return result;
  }

  it('scores each sequence at its last real token: left, right and no padding agree', async () => {
    const { arch, weights } = tinyModel(config, 11, 'score');
    const alone: number[] = [];
    for (const s of sequences) {
      const out = await run(weights, buildSequenceClassificationGraph(arch, { batch: 1, seq: s.length }), [s], [s.map(() => 1)]);
      alone.push(out.scores[0]);
    }
    for (const side of ['left', 'right'] as const) {
      const { ids, mask } = pad(side, 0);
      const out = await run(weights, buildSequenceClassificationGraph(arch, { batch: ids.length, seq: ids[0].length }), ids, mask);
      alone.forEach((score, i) => expect(Math.abs(out.scores[i] - score)).toBeLessThan(1e-4));
    }
    // different sequences score differently (the head is not constant)
    expect(new Set(alone.map((s) => s.toFixed(4))).size).toBe(sequences.length);
  }, 60_000);

  it('gives per-token values and logits at real tokens that do not depend on padding', async () => {
    const { arch, weights } = tinyModel(config, 12, 'value');
    const vocab = arch.config.vocabSize;
    for (const side of ['left', 'right'] as const) {
      const { ids, mask } = pad(side, 0);
      const seq = ids[0].length;
      const out = await run(weights, buildValueHeadGraph(arch, { batch: ids.length, seq }), ids, mask);
      for (let i = 0; i < sequences.length; i++) {
        const s = sequences[i];
        const alone = await run(weights, buildValueHeadGraph(arch, { batch: 1, seq: s.length }), [s], [s.map(() => 1)]);
        const offset = side === 'left' ? seq - s.length : 0;
        s.forEach((_, j) => {
          expect(Math.abs(out.values[i * seq + offset + j] - alone.values[j])).toBeLessThan(1e-4);
          expect(Math.abs(out.logits[(i * seq + offset + j) * vocab + 3] - alone.logits[j * vocab + 3])).toBeLessThan(1e-4);
        });
      }
    }
  }, 60_000);
});
