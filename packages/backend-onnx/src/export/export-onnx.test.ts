import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bloomFamily, buildCausalLmGraph, createGraph, hostTensor, initParameters, llamaFamily, ops, type HostTensor } from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import { OnnxBackend } from '../onnx-backend';
import { loadOrt } from '../ort/load-ort';
import onnxPlugin from '../plugin';

describe('exportModel', () => {
  let t: TestScope;
  let backend: OnnxBackend;
  let dir: string;

  beforeEach(async () => {
    t = createTestScope({ plugins: [onnxPlugin], config: { backend: { threads: 1 } } });
    backend = t.scope.resolve(OnnxBackend);
    dir = await mkdtemp(join(tmpdir(), 'okapi-onnx-export-'));
  });
  afterEach(async () => {
    await backend.dispose();
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  function seeded(n: number, seed: number): number[] {
    let s = seed;
    return Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5);
  }

  it('writes a model with external weights that plain onnxruntime runs to the same outputs', async () => {
    const g = createGraph('mlp');
    const x = g.input('x', 'float32', ['batch', 16]);
    const w1 = g.input('w1', 'float32', [16, 32]);
    const w2 = g.input('w2', 'float32', [32, 4]);
    g.output('y', ops.softmax(ops.matmul(ops.gelu(ops.matmul(x, w1)), w2)));
    const weights: Record<string, HostTensor> = {
      w1: hostTensor('float32', [16, 32], seeded(512, 1)),
      w2: hostTensor('float32', [32, 4], seeded(128, 2)),
    };
    const input = hostTensor('float32', [3, 16], seeded(48, 3));

    const path = join(dir, 'mlp.onnx');
    const result = await backend.exportModel(g, { path, weights, dims: { batch: 3 }, externalThreshold: 1024 });
    expect(result.dataPath).toBe(`${path}_data`);
    expect(result.externalBytes).toBeGreaterThanOrEqual(512 * 4); // w1 is 2 KiB: external; w2 (512 B) inline
    expect((await stat(path)).size).toBeLessThan(2048);

    const ort = loadOrt();
    const plain = await ort.InferenceSession.create(path);
    expect(plain.inputNames).toEqual(['x']);
    const exported = await plain.run({ x: new ort.Tensor('float32', input.data as Float32Array, [3, 16]) });

    const session = await backend.compile(g, { dims: { batch: 3 } });
    const feeds = { x: backend.upload(input), w1: backend.upload(weights.w1), w2: backend.upload(weights.w2) };
    const ours = await backend.download((await session.run(feeds)).y);
    expect(Array.from(exported.y.data as Float32Array)).toEqual(Array.from(ours.data as Float32Array));
    // and the rows are distributions, so the model is not trivially zero
    const row = Array.from(ours.data as Float32Array).slice(0, 4).reduce((a, b) => a + b, 0);
    expect(row).toBeCloseTo(1, 5);
    await plain.release();
  });

  it('keeps every weight inside the .onnx file while they total at most inlineUpTo bytes', async () => {
    const g = createGraph('inline');
    const x = g.input('x', 'float32', [2, 16]);
    g.output('y', ops.matmul(x, g.input('w', 'float32', [16, 32])));
    const weights = { w: hostTensor('float32', [16, 32], seeded(512, 6)) }; // 2 KiB
    const small = await backend.exportModel(g, { path: join(dir, 'inline.onnx'), weights, inlineUpTo: 2048 });
    expect(small.dataPath).toBeUndefined();
    expect((await stat(join(dir, 'inline.onnx'))).size).toBeGreaterThan(2048);
    const split = await backend.exportModel(g, { path: join(dir, 'split.onnx'), weights, inlineUpTo: 2047 });
    expect(split.dataPath).toBe(join(dir, 'split.onnx_data'));
    const ort = loadOrt();
    const input = new ort.Tensor('float32', Float32Array.from(seeded(32, 7)), [2, 16]);
    const [a, b] = await Promise.all(['inline.onnx', 'split.onnx'].map(async (file) => (await (await ort.InferenceSession.create(join(dir, file))).run({ x: input })).y.data));
    expect(Array.from(a as Float32Array)).toEqual(Array.from(b as Float32Array));
  });

  it('keeps unbound dims symbolic: one exported model runs at several batch and sequence lengths', async () => {
    const g = createGraph('dynamic');
    const x = g.input('x', 'float32', ['batch', 'seq', 8]);
    const w = g.input('w', 'float32', [8, 8]);
    const grouped = ops.reshape(ops.rmsNorm(ops.matmul(x, w), g.input('scale', 'float32', [8])), ['batch', 'seq', 2, 4]);
    const positions = ops.reshape(ops.iota(g, 'seq', 'float32'), ['seq', 1]);
    g.output('y', ops.add(ops.reduceSum(grouped, [-1], false), positions));
    const weights = { w: hostTensor('float32', [8, 8], seeded(64, 4)), scale: hostTensor('float32', [8], seeded(8, 5)) };
    const path = join(dir, 'dynamic.onnx');
    await backend.exportModel(g, { path, weights });

    const ort = loadOrt();
    const plain = await ort.InferenceSession.create(path);
    for (const [batch, seq] of [[2, 3], [1, 5]]) {
      const input = hostTensor('float32', [batch, seq, 8], seeded(batch * seq * 8, batch + seq));
      const exported = await plain.run({ x: new ort.Tensor('float32', input.data as Float32Array, [batch, seq, 8]) });
      expect(exported.y.dims).toEqual([batch, seq, 2]);
      const session = await backend.compile(g, { dims: { batch, seq } });
      const ours = await backend.download((await session.run({ x: backend.upload(input), w: backend.upload(weights.w), scale: backend.upload(weights.scale) })).y);
      expect(Array.from(exported.y.data as Float32Array)).toEqual(Array.from(ours.data as Float32Array));
    }
    await plain.release();
  });

  const families = [
    [llamaFamily, {
      model_type: 'llama', vocab_size: 50, hidden_size: 16, intermediate_size: 32, num_hidden_layers: 2,
      num_attention_heads: 4, num_key_value_heads: 2, max_position_embeddings: 32,
    }],
    [bloomFamily, { model_type: 'bloom', vocab_size: 50, hidden_size: 18, n_layer: 2, n_head: 3 }],
  ] as const;

  it.each(families.map(([family, config]) => [family.id, family, config] as const))('exports a %s causal LM with dynamic batch and length that plain onnxruntime runs like compile does', async (_id, family, config) => {
    const arch = family.architecture(config);
    const params = initParameters(arch.parameters(), 0);
    const g = buildCausalLmGraph(arch, { batch: 'batch', seq: 'seq' });
    const path = join(dir, `${family.id}.onnx`);
    await backend.exportModel(g, { path, weights: Object.fromEntries(params) });
    const ort = loadOrt();
    const plain = await ort.InferenceSession.create(path);
    expect(plain.inputNames).toEqual(['input_ids', 'attention_mask']);
    for (const [batch, seq] of [[1, 5], [2, 3]]) {
      const ids = hostTensor('int64', [batch, seq], Array.from({ length: batch * seq }, (_, i) => (7 * i) % 50));
      const mask = hostTensor('int64', [batch, seq], Array.from({ length: batch * seq }, () => 1));
      const exported = await plain.run({ input_ids: toTensor(ort, ids), attention_mask: toTensor(ort, mask) });
      const session = await backend.compile(g, { dims: { batch, seq } });
      const feeds = Object.fromEntries([...params].map(([k, v]) => [k, backend.upload(v)]));
      const ours = await backend.download((await session.run({ ...feeds, input_ids: backend.upload(ids), attention_mask: backend.upload(mask) })).logits);
      expect(exported.logits.dims).toEqual([batch, seq, 50]);
      // same graph, but onnxruntime may fuse a dynamic-shape model differently: float32 rounding apart
      const got = exported.logits.data as Float32Array;
      (ours.data as Float32Array).forEach((v, i) => expect(Math.abs(got[i] - v)).toBeLessThan(1e-5));
    }
    await plain.release();
  });
});

function toTensor(ort: ReturnType<typeof loadOrt>, t: HostTensor) {
  return new ort.Tensor('int64', t.data as BigInt64Array, [...t.shape]);
}
