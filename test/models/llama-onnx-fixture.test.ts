import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CausalLmRunner, ResidentWeights, buildCausalLmGraph, hostTensor, llamaFamily, ropeInverseFrequencies, type LlamaConfig, type TensorBackend } from '@okapi/core';
import { llamaOnnxFixtureConfig, llamaOnnxFixtureDir, loadLlamaOnnxFixtureWeights, readOnnxInitializers } from '../fixtures-models/onnx-llama-fixture';
import { createTestBackend, type TestBackend, type TestBackendName } from './test-backends';

interface GreedyCase { input_ids: number[][]; max_length: number; expected: number[][] }
const expected = JSON.parse(readFileSync(join(llamaOnnxFixtureDir, 'expected.json'), 'utf8')).GreedySearchLlamaFp32 as GreedyCase;

const argmax = (xs: ArrayLike<number>): number => {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
};
const arch = llamaFamily.architecture(llamaOnnxFixtureConfig, 'fixture config');
const weights = loadLlamaOnnxFixtureWeights();

describe('LLaMA family on the tiny-random-llama-onnx fixture (weights and tables)', () => {
  it('maps every fixture tensor onto exactly the HF parameter list', () => {
    const specs = arch.parameters();
    expect([...weights.keys()].sort()).toEqual(specs.map((s) => s.name).sort());
    for (const s of specs) expect(weights.get(s.name)!.shape).toEqual(s.shape);
  });

  it('computes the same rotary tables as the fixture cos_cache / sin_cache', () => {
    const init = readOnnxInitializers();
    const cosCache = init.get('cos_cache')!.data;
    const sinCache = init.get('sin_cache')!.data;
    const c = arch.config as LlamaConfig;
    const invFreq = ropeInverseFrequencies(c.headDim, c.ropeTheta, c.ropeScaling);
    for (const pos of [0, 1, 7, 100, 2047]) {
      invFreq.forEach((f, i) => {
        // fp16 tables: ~1e-3 relative rounding
        expect(Math.abs(Math.cos(pos * f) - cosCache[pos * 8 + i])).toBeLessThan(2e-3);
        expect(Math.abs(Math.sin(pos * f) - sinCache[pos * 8 + i])).toBeLessThan(2e-3);
      });
    }
  });
});

describe.each<TestBackendName>(['onnx', 'tfjs-wasm', 'reference'])('LLaMA fixture greedy outputs on the %s backend', (name) => {
  let t: TestBackend;
  let backend: TensorBackend;
  beforeAll(async () => {
    t = await createTestBackend(name);
    backend = t.backend;
  }, 60_000);
  afterAll(async () => { await t.dispose(); });

  it('reproduces expected.json through prefill + static-cache decode, leaking no tensors', async () => {
    const before = backend.memory().tensors;
    const resident = ResidentWeights.upload(backend, weights);
    const runner = new CausalLmRunner(backend, arch, resident, 16);
    const rows = expected.input_ids.map((r) => [...r]);
    let logits = await runner.prefill({ inputIds: rows, attentionMask: rows.map((r) => r.map(() => 1)) }, expected.max_length - rows[0].length);
    while (rows[0].length < expected.max_length) {
      const next = logits.map(argmax);
      next.forEach((id, i) => rows[i].push(id));
      if (rows[0].length < expected.max_length) logits = await runner.decode(next);
    }
    expect(rows).toEqual(expected.expected);
    await runner.dispose();
    resident.dispose();
    expect(backend.memory().tensors).toBe(before);
  }, 120_000);

  it('reproduces expected.json by full recompute (no cache)', async () => {
    const resident = ResidentWeights.upload(backend, weights);
    const rows = expected.input_ids.map((r) => [...r]);
    while (rows[0].length < expected.max_length) {
      const [batch, seq] = [rows.length, rows[0].length];
      const session = await backend.compile(buildCausalLmGraph(arch, { batch, seq }));
      const ids = backend.upload(hostTensor('int64', [batch, seq], rows.flat()));
      const mask = backend.upload(hostTensor('int64', [batch, seq], rows.flat().map(() => 1)));
      const out = await session.run({ ...resident.tensors, input_ids: ids, attention_mask: mask });
      const logits = (await backend.download(out.logits)).data as Float32Array;
      const vocab = arch.config.vocabSize;
      rows.forEach((row, b) => row.push(argmax(logits.subarray((b * seq + seq - 1) * vocab, (b * seq + seq) * vocab))));
      [ids, mask, out.logits].forEach((x) => x.dispose());
      await session.dispose();
    }
    expect(rows).toEqual(expected.expected);
    resident.dispose();
  }, 120_000);
});
