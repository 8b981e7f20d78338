import { rmSync } from 'node:fs';
import { FamilyRegistry, bloomFamily, llamaFamily, loadModelDirectory } from '@okapi/core';
import { saveTinyModel, tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';
import { createOnnxTestBackend, type OnnxTestBackend } from './onnx-test-backend';
import { referenceLogits, torchAvailable, worstLogitError } from './torch-reference';

// The ONNX fixture has one attention head; this covers multi-head RoPE, GQA, biases and rope scaling.
const describeWithTorch = torchAvailable ? describe : (name: string, fn: () => void) => describe.skip(`${name} (skipped: python3-torch is not installed)`, fn);

const batch = {
  input_ids: [[5, 6, 7, 8, 9, 10, 11], [0, 0, 0, 41, 42, 43, 50]],
  attention_mask: [[1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 1, 1, 1, 1]],
};

describeWithTorch('LLaMA family against an independent torch reference of HF LlamaForCausalLM', () => {
  let t: OnnxTestBackend;
  const families = new FamilyRegistry([llamaFamily, bloomFamily]);
  beforeAll(async () => { t = await createOnnxTestBackend(); }, 30_000);
  afterAll(async () => {
    await t.dispose();
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  const cases: [string, Record<string, unknown>][] = [
    ['GQA 4 heads over 2 KV heads', {}],
    ['multi-head attention, tied embeddings, attention_bias', { num_key_value_heads: 4, tie_word_embeddings: true, attention_bias: true }],
    ['linear rope scaling, theta 500000', { rope_theta: 500000, rope_scaling: { type: 'linear', factor: 4 } }],
    ['llama3 rope scaling', { rope_scaling: { rope_type: 'llama3', factor: 8, low_freq_factor: 1, high_freq_factor: 4, original_max_position_embeddings: 16 } }],
  ];
  let expected: number[][][][] = [];
  let dirs: string[] = [];

  beforeAll(async () => {
    dirs = await Promise.all(cases.map(([, overrides]) => saveTinyModel(tinyModel(tinyLlamaConfig(overrides), 5), 'okapi-llama-')));
    expected = referenceLogits('llama_reference.py', dirs, batch);
  }, 120_000);

  it.each(cases.map(([label], i) => [label, i] as const))('matches logits to 1e-4 (%s), loaded back from a saved HF directory', async (_label, i) => {
    const { arch, weights } = await loadModelDirectory(dirs[i], families);
    expect(arch.family).toBe('llama');
    expect(await worstLogitError(t.backend, arch, weights, batch, expected[i])).toBeLessThan(1e-4);
  }, 60_000);
});
