import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { buildCausalLmGraph, FamilyRegistry, hostTensor, llamaFamily, loadModelDirectory, ReferenceBackend } from '@okapi/core';
import { runCliInProcess } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { writeTinyLlamaDirectory } from '../helpers/tiny-model-dir';

// The exported file runs in plain onnxruntime and gives the logits of the float64 reference forward.
describe('okapi export --format onnx', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    tmp = makeTempDir('cli-export');
    tmp.write('package.json', '{ "name": "user-project" }');
    await writeTinyLlamaDirectory(path.join(tmp.dir, 'model'), ['hello world', 'xin chào']);
  }, 60_000);
  afterAll(() => tmp.remove());

  it('writes a model plain onnxruntime runs at any batch and length, matching the reference forward', async () => {
    const result = await runCliInProcess(['export', '--model', 'model', '--format', 'onnx', '--output', 'out/model.onnx'], tmp.dir);
    expect(result.code).toBe(0);
    const session = await ort.InferenceSession.create(path.join(tmp.dir, 'out', 'model.onnx'));
    const model = await loadModelDirectory(path.join(tmp.dir, 'model'), new FamilyRegistry([llamaFamily]));
    const reference = new ReferenceBackend();
    await reference.init();
    const compiled = await reference.compile(buildCausalLmGraph(model.arch, { batch: 'batch', seq: 'seq' }), { dims: { batch: 2, seq: 5 } });
    const ids = [1, 5, 9, 13, 2, 0, 1, 7, 8, 3];
    const mask = [1, 1, 1, 1, 1, 0, 1, 1, 1, 1];
    const feeds = Object.fromEntries([...model.weights].map(([n, t]) => [n, reference.upload(t)]));
    const expected = await reference.download((await compiled.run({
      ...feeds,
      input_ids: reference.upload(hostTensor('int64', [2, 5], ids.map(BigInt))),
      attention_mask: reference.upload(hostTensor('int64', [2, 5], mask.map(BigInt))),
    })).logits!);
    const got = (await session.run({
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [2, 5]),
      attention_mask: new ort.Tensor('int64', BigInt64Array.from(mask, BigInt), [2, 5]),
    })).logits!;
    expect(got.dims).toEqual([2, 5, model.arch.config.vocabSize]);
    // padded positions (row 1, slot 0) attend to nothing: their logits are meaningless in any runtime
    const vocab = model.arch.config.vocabSize;
    const worst = Array.from(got.data as Float32Array).reduce((m, v, i) => (mask[Math.floor(i / vocab)] === 0 ? m : Math.max(m, Math.abs(v - Number(expected.data[i])))), 0);
    expect(worst).toBeLessThan(1e-4);
    const single = await session.run({
      input_ids: new ort.Tensor('int64', BigInt64Array.from([1n, 5n, 9n]), [1, 3]),
      attention_mask: new ort.Tensor('int64', BigInt64Array.from([1n, 1n, 1n]), [1, 3]),
    });
    expect(single.logits!.dims).toEqual([1, 3, model.arch.config.vocabSize]);
    await reference.dispose();
  }, 60_000);

  it('exports the static-cache decode step', async () => {
    const result = await runCliInProcess(['export', '--model', 'model', '--format', 'onnx', '--kv-cache', '32', '--output', 'out/decoder.onnx'], tmp.dir);
    expect(result.code).toBe(0);
    const session = await ort.InferenceSession.create(path.join(tmp.dir, 'out', 'decoder.onnx'));
    expect(session.inputNames).toEqual(expect.arrayContaining(['input_ids', 'attention_mask', 'position_ids', 'cache_position', 'past_key_values.0.key', 'past_key_values.1.value']));
    expect(session.outputNames).toEqual(expect.arrayContaining(['logits', 'present.0.key', 'present.1.value']));
  });
});
