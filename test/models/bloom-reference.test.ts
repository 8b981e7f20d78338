import { rmSync } from 'node:fs';
import { FamilyRegistry, bloomFamily, llamaFamily, loadModelDirectory } from '@okapi/core';
import { saveTinyModel, tinyBloomConfig, tinyModel } from '../fixtures-models/tiny-models';
import { createOnnxTestBackend, type OnnxTestBackend } from './onnx-test-backend';
import { referenceLogits, torchAvailable, worstLogitError } from './torch-reference';

// Skipped (not failed) where python3-torch is not installed: `apt-get install python3-torch`.
const describeWithTorch = torchAvailable ? describe : (name: string, fn: () => void) => describe.skip(`${name} (skipped: python3-torch is not installed)`, fn);

const batch = {
  input_ids: [[5, 6, 7, 8, 9, 10, 11], [3, 3, 40, 41, 42, 43, 60]],
  attention_mask: [[1, 1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 1, 1, 1]],
};

describeWithTorch('BLOOM family against an independent torch reference of HF BloomForCausalLM', () => {
  let t: OnnxTestBackend;
  const families = new FamilyRegistry([llamaFamily, bloomFamily]);
  beforeAll(async () => { t = await createOnnxTestBackend(); }, 30_000);
  afterAll(async () => {
    await t.dispose();
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  const cases: [string, Record<string, unknown>][] = [
    ['pre-layernorm residuals', {}],
    ['apply_residual_connection_post_layernorm', { apply_residual_connection_post_layernorm: true }],
    ['untied lm_head, n_embed spelling', { tie_word_embeddings: false, n_embed: 24, hidden_size: undefined }],
  ];
  let expected: number[][][][] = [];
  let dirs: string[] = [];

  beforeAll(async () => {
    dirs = await Promise.all(cases.map(([, overrides]) => saveTinyModel(tinyModel(tinyBloomConfig(overrides), 7), 'okapi-bloom-')));
    expected = referenceLogits('bloom_reference.py', dirs, batch);
  }, 120_000);

  it.each(cases.map(([label], i) => [label, i] as const))('matches logits to 1e-4 (%s), loaded back from a saved HF directory', async (_label, i) => {
    const { arch, weights } = await loadModelDirectory(dirs[i], families);
    expect(arch.family).toBe('bloom');
    expect(await worstLogitError(t.backend, arch, weights, batch, expected[i])).toBeLessThan(1e-4);
  }, 60_000);
});
