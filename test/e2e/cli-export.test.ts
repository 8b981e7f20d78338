import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { greedyWithExportedDecoder, type ExportedDecoderRun, type PaddedPrompts } from '@okapi/backend-onnx';
import {
  bloomFamily, buildDecoderGraph, FamilyRegistry, hostTensor, llamaFamily, loadModelDirectory, saveModelDirectory, trainBpeTokenizer,
} from '@okapi/core';
import { referenceCausalLmLogits } from '@okapi/core/testing';
import { llamaOnnxFixtureConfig, llamaOnnxFixtureDir, loadLlamaOnnxFixtureWeights } from '../fixtures-models/onnx-llama-fixture';
import { tinyBloomConfig, tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';
import { createTestBackend, type TestBackendName } from '../models/test-backends';
import { runCliInProcess } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { writeTinyLlamaDirectory } from '../helpers/tiny-model-dir';

const greedy = JSON.parse(readFileSync(path.join(llamaOnnxFixtureDir, 'expected.json'), 'utf8')).GreedySearchLlamaFp32 as { input_ids: number[][]; max_length: number; expected: number[][] };
const families = new FamilyRegistry([llamaFamily, bloomFamily]);

async function referenceLogits(modelDir: string, run: ExportedDecoderRun): Promise<Float64Array> {
  const model = await loadModelDirectory(modelDir, families);
  return referenceCausalLmLogits(model.arch, model.weights, run.ids, run.mask);
}

/** Largest difference between every call's logits and the full forward's, over real (unpadded) tokens. */
function worstDifference(run: ExportedDecoderRun, expected: Float64Array, promptLength: number): number {
  const total = run.ids[0].length;
  let worst = 0;
  run.logits.forEach((tensor, call) => {
    const [batch, seq, vocab] = tensor.dims;
    const start = call === 0 ? 0 : promptLength + call - 1;
    const got = tensor.data as Float32Array;
    for (let row = 0; row < batch; row++) {
      for (let s = 0; s < seq; s++) {
        if (run.mask[row][start + s] === 0) continue; // a pad attends to nothing: meaningless in any runtime
        for (let v = 0; v < vocab; v++) worst = Math.max(worst, Math.abs(got[(row * seq + s) * vocab + v] - expected[(row * total + start + s) * vocab + v]));
      }
    }
  });
  return worst;
}

describe('okapi export --format onnx', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    tmp = makeTempDir('cli-export');
    tmp.write('package.json', '{ "name": "user-project" }');
    await writeTinyLlamaDirectory(path.join(tmp.dir, 'model'), ['hello world', 'xin chào']);
    const fixture = path.join(tmp.dir, 'fixture');
    await saveModelDirectory(fixture, llamaFamily.architecture(llamaOnnxFixtureConfig), loadLlamaOnnxFixtureWeights());
    for (const file of ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json']) copyFileSync(path.join(llamaOnnxFixtureDir, file), path.join(fixture, file));
    const bloom = tinyModel(tinyBloomConfig({ vocab_size: 300 }), 5);
    await saveModelDirectory(path.join(tmp.dir, 'bloom'), bloom.arch, bloom.weights);
    await (await trainBpeTokenizer({ texts: ['hello world', 'xin chào'], vocabSize: 300 })).save(path.join(tmp.dir, 'bloom'));
  }, 60_000);
  afterAll(() => tmp.remove());

  async function exportFolder(model: string, out: string): Promise<ort.InferenceSession> {
    const result = await runCliInProcess(['export', '--model', model, '--format', 'onnx', '--output', out], tmp.dir);
    expect(result.code).toBe(0);
    return ort.InferenceSession.create(path.join(tmp.dir, out, 'onnx', 'model.onnx'));
  }

  it('writes a transformers.js model folder whose decoder reproduces the LLaMA fixture greedy ids step by step', async () => {
    const session = await exportFolder('fixture', 'out-fixture');
    const folder = path.join(tmp.dir, 'out-fixture');
    expect(readdirSync(folder).sort()).toEqual(['config.json', 'generation_config.json', 'onnx', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json']);
    expect(readdirSync(path.join(folder, 'onnx'))).toEqual(['model.onnx']); // tiny: weights inline, no model.onnx_data
    expect(JSON.parse(readFileSync(path.join(folder, 'generation_config.json'), 'utf8'))).toMatchObject({ bos_token_id: 0, eos_token_id: 1, pad_token_id: 2 });
    expect(JSON.parse(readFileSync(path.join(folder, 'config.json'), 'utf8'))['transformers.js_config']).toBeUndefined();

    const prompts = { ids: greedy.input_ids, mask: greedy.input_ids.map((row) => row.map(() => 1)) };
    const steps = greedy.max_length - greedy.input_ids[0].length;
    const run = await greedyWithExportedDecoder(session, prompts, steps);
    expect(run.ids).toEqual(greedy.expected.map((row) => row.slice(0, greedy.max_length)));
    expect(worstDifference(run, await referenceLogits(path.join(tmp.dir, 'fixture'), run), prompts.ids[0].length)).toBeLessThan(1e-4);
    await session.release();
  }, 60_000);

  it.each([
    ['fixture (LLaMA)', 'fixture', { ids: [[0, 0, 0, 52], [2, 2, 195, 731]], mask: [[1, 1, 1, 1], [0, 0, 1, 1]] }],
    ['tiny BLOOM (ALiBi positions from the mask)', 'bloom', { ids: [[5, 9, 13, 2, 44], [3, 3, 3, 8, 31]], mask: [[1, 1, 1, 1, 1], [0, 0, 0, 1, 1]] }],
  ] as [string, string, PaddedPrompts][])('%s: a left-padded prefill and 5 decode steps give the full forward\'s logits', async (_name, model, prompts) => {
    const session = await exportFolder(model, `out-${model}-padded`);
    const run = await greedyWithExportedDecoder(session, prompts, 5);
    const expected = await referenceLogits(path.join(tmp.dir, model), run);
    expect(expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0)).toBeGreaterThan(0.1); // logits big enough for 1e-4 to mean something
    expect(worstDifference(run, expected, prompts.ids[0].length)).toBeLessThan(1e-4);
    expect(session.inputNames.includes('position_ids')).toBe(model !== 'bloom');
    await session.release();
  }, 60_000);

  it('--graph forward --output FILE.onnx writes only that file: batch and length dynamic, reference logits', async () => {
    const result = await runCliInProcess(['export', '--model', 'model', '--format', 'onnx', '--graph', 'forward', '--output', 'out/model.onnx'], tmp.dir);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(tmp.dir, 'out', 'config.json'))).toBe(false);
    const session = await ort.InferenceSession.create(path.join(tmp.dir, 'out', 'model.onnx'));
    expect(session.inputNames).toEqual(['input_ids', 'attention_mask']);
    const ids = [[1, 5, 9, 13, 2], [0, 1, 7, 8, 3]];
    const mask = [[1, 1, 1, 1, 1], [0, 1, 1, 1, 1]];
    const int64 = (rows: number[][]) => new ort.Tensor('int64', BigInt64Array.from(rows.flat(), BigInt), [rows.length, rows[0].length]);
    const logits = (await session.run({ input_ids: int64(ids), attention_mask: int64(mask) })).logits!;
    const asRun: ExportedDecoderRun = { ids, mask, logits: [logits] };
    expect(worstDifference(asRun, await referenceLogits(path.join(tmp.dir, 'model'), asRun), 5)).toBeLessThan(1e-4);
    expect((await session.run({ input_ids: int64([[1, 5, 9]]), attention_mask: int64([[1, 1, 1]]) })).logits!.dims).toEqual([1, 3, logits.dims[2]]);
  }, 60_000);

  it('--num-logits-to-keep adds the input transformers.js sets to 1 while generating: then only the last logits', async () => {
    const session = await exportFolder('bloom', 'out-bloom-plain');
    const wrong = await runCliInProcess(['export', '--model', 'bloom', '--graph', 'forward', '--num-logits-to-keep', '--output', 'x.onnx'], tmp.dir);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--num-logits-to-keep applies to --graph decoder only');
    const keep = await runCliInProcess(['export', '--model', 'bloom', '--format', 'onnx', '--num-logits-to-keep', '--output', 'out-bloom-keep'], tmp.dir);
    expect(keep.code).toBe(0);
    const kept = await ort.InferenceSession.create(path.join(tmp.dir, 'out-bloom-keep', 'onnx', 'model.onnx'));
    expect(kept.inputNames).toContain('num_logits_to_keep');
    const prompts = { ids: [[5, 9, 13, 2, 44], [3, 3, 3, 8, 31]], mask: [[1, 1, 1, 1, 1], [0, 0, 0, 1, 1]] };
    const last = await greedyWithExportedDecoder(kept, prompts, 3, { numLogitsToKeep: 1 });
    expect(last.logits.map((l) => l.dims[1])).toEqual([1, 1, 1, 1]);
    const expected = await referenceLogits(path.join(tmp.dir, 'bloom'), last);
    const vocab = last.logits[0].dims[2];
    const got = last.logits[0].data as Float32Array;
    for (const row of [0, 1]) for (let v = 0; v < vocab; v++) expect(Math.abs(got[row * vocab + v] - expected[(row * 8 + 4) * vocab + v])).toBeLessThan(1e-4);
    expect(session.inputNames).not.toContain('num_logits_to_keep');
    await Promise.all([session.release(), kept.release()]);
  }, 60_000);

  it('exports the static-cache decode step with --kv-cache', async () => {
    const result = await runCliInProcess(['export', '--model', 'model', '--format', 'onnx', '--kv-cache', '32', '--output', 'out/decoder.onnx'], tmp.dir);
    expect(result.code).toBe(0);
    const session = await ort.InferenceSession.create(path.join(tmp.dir, 'out', 'decoder.onnx'));
    expect(session.inputNames).toEqual(expect.arrayContaining(['input_ids', 'attention_mask', 'position_ids', 'cache_position', 'past_key_values.0.key', 'past_key_values.1.value']));
    expect(session.outputNames).toEqual(expect.arrayContaining(['logits', 'present.0.key', 'present.1.value']));
  });
});

// The same decoder graph with its dims bound (sums included) on our own backends: prefill with an empty
// past, then one step fed the presents, gives the float64 full forward's logits.
describe('the decoder graph on compiled backends', () => {
  it.each(['tfjs-wasm', 'onnx'] as TestBackendName[])('%s: prefill + one step = full forward (LLaMA GQA and BLOOM)', async (name) => {
    const t = await createTestBackend(name);
    for (const config of [tinyLlamaConfig(), tinyBloomConfig()]) {
      const { arch, weights } = tinyModel(config, 2);
      const c = arch.config;
      const b = t.backend;
      const ids = [[5, 9, 13, 2], [3, 3, 8, 31]];
      const mask = [[1, 1, 1, 1], [0, 0, 1, 1]];
      const int64 = (rows: number[][]) => b.upload(hostTensor('int64', [rows.length, rows[0].length], rows.flat().map(BigInt)));
      const feeds = Object.fromEntries([...weights].map(([n, w]) => [n, b.upload(w)]));
      const graph = buildDecoderGraph(arch);
      const positions = (rows: number[][]) => (arch.family === 'llama' ? { position_ids: int64(rows) } : {});
      const empty = Object.fromEntries(Array.from({ length: c.numLayers }, (_, l) => ['key', 'value'].map((kv) => [`past_key_values.${l}.${kv}`, b.upload(hostTensor('float32', [2, c.numKvHeads, 0, c.headDim], []))])).flat());
      const prefill = await (await b.compile(graph, { dims: { batch_size: 2, sequence_length: 3, past_sequence_length: 0 } })).run({
        ...feeds, ...empty, ...positions([[0, 1, 2], [0, 0, 0]]), input_ids: int64(ids.map((r) => r.slice(0, 3))), attention_mask: int64(mask.map((r) => r.slice(0, 3))),
      });
      const past = Object.fromEntries(Object.entries(prefill).filter(([n]) => n.startsWith('present.')).map(([n, v]) => [n.replace('present.', 'past_key_values.'), v]));
      const step = await (await b.compile(graph, { dims: { batch_size: 2, sequence_length: 1, past_sequence_length: 3 } })).run({
        ...feeds, ...past, ...positions([[3], [1]]), input_ids: int64(ids.map((r) => [r[3]])), attention_mask: int64(mask),
      });
      const logits = [await b.download(prefill.logits), await b.download(step.logits)];
      const run: ExportedDecoderRun = { ids, mask, logits: logits.map((l) => ({ dims: l.shape, data: l.data }) as unknown as ort.Tensor) };
      const reference = await referenceCausalLmLogits(arch, weights, ids, mask);
      expect(worstDifference(run, reference, 3)).toBeLessThan(1e-4);
    }
    await t.dispose();
  }, 60_000);
});
