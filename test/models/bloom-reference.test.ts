import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FamilyRegistry, ResidentWeights, bloomFamily, buildCausalLmGraph, hostTensor, llamaFamily, loadModelDirectory } from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import onnxPlugin, { OnnxBackend } from '@okapi/backend-onnx';
import { saveTinyModel, tinyBloomConfig, tinyModel } from '../fixtures-models/tiny-models';

// The reference needs Debian's python3-torch (`apt-get install python3-torch`); it is not a dependency.
const python = '/usr/bin/python3';
const torchAvailable = spawnSync(python, ['-c', 'import torch'], { timeout: 60_000 }).status === 0;
const describeWithTorch = torchAvailable ? describe : describe.skip;
const referenceScript = join(__dirname, '../reference/bloom_reference.py');

const batch = {
  input_ids: [[5, 6, 7, 8, 9, 10, 11], [3, 3, 40, 41, 42, 43, 60]],
  attention_mask: [[1, 1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 1, 1, 1]],
};

function referenceLogits(dir: string): number[][][] {
  const input = join(dir, 'input.json');
  const output = join(dir, 'reference.json');
  writeFileSync(input, JSON.stringify(batch));
  const run = spawnSync(python, [referenceScript, dir, input, output], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`bloom_reference.py failed: ${run.stderr}`);
  return JSON.parse(readFileSync(output, 'utf8')).logits;
}

describeWithTorch('BLOOM family against an independent torch reference of HF BloomForCausalLM', () => {
  let t: TestScope;
  let backend: OnnxBackend;
  const families = new FamilyRegistry([llamaFamily, bloomFamily]);

  beforeAll(async () => {
    t = createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx', threads: 1 } } });
    backend = t.scope.resolve(OnnxBackend);
    await backend.init();
  }, 30_000);
  afterAll(async () => {
    await backend.dispose();
    await t.dispose();
  });

  it.each([
    ['pre-layernorm residuals', {}],
    ['apply_residual_connection_post_layernorm', { apply_residual_connection_post_layernorm: true }],
    ['untied lm_head, n_embed spelling', { tie_word_embeddings: false, n_embed: 24, hidden_size: undefined }],
  ])('matches logits to 1e-4 (%s), loaded back from a saved HF directory', async (_label, overrides) => {
    const dir = await saveTinyModel(tinyModel(tinyBloomConfig(overrides), 7), 'okapi-bloom-');
    const expected = referenceLogits(dir);
    const { arch, weights } = await loadModelDirectory(dir, families);
    expect(arch.family).toBe('bloom');
    const resident = ResidentWeights.upload(backend, weights);
    const [b, s] = [batch.input_ids.length, batch.input_ids[0].length];
    const session = await backend.compile(buildCausalLmGraph(arch, { batch: b, seq: s }));
    const out = await session.run({
      ...resident.tensors,
      input_ids: backend.upload(hostTensor('int64', [b, s], batch.input_ids.flat())),
      attention_mask: backend.upload(hostTensor('int64', [b, s], batch.attention_mask.flat())),
    });
    const logits = (await backend.download(out.logits)).data as Float32Array;
    const vocab = arch.config.vocabSize;
    let worst = 0;
    batch.attention_mask.forEach((row, i) => row.forEach((real, j) => {
      if (!real) return; // rows of pad queries are undefined in both
      for (let v = 0; v < vocab; v++) worst = Math.max(worst, Math.abs(logits[(i * s + j) * vocab + v] - expected[i][j][v]));
    }));
    expect(worst).toBeLessThan(1e-4);
    await session.dispose();
    resident.dispose();
  }, 120_000);
});
