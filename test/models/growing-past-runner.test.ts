import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CausalLmRunner, GrowingPastRunner, createGenerationRunner, generate, llamaFamily, type GenerateOptions } from '@okapi/core';
import { llamaOnnxFixtureConfig, llamaOnnxFixtureDir, loadLlamaOnnxFixtureWeights } from '../fixtures-models/onnx-llama-fixture';
import { tinyBloomConfig, tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';
import { createOnnxTestBackend, type OnnxTestBackend } from './onnx-test-backend';

const greedy = JSON.parse(readFileSync(join(llamaOnnxFixtureDir, 'expected.json'), 'utf8')).GreedySearchLlamaFp32 as { input_ids: number[][]; max_length: number; expected: number[][] };

let t: OnnxTestBackend;
beforeAll(async () => { t = await createOnnxTestBackend(); }, 30_000);
afterAll(async () => { await t.dispose(); });

describe('GrowingPastRunner (one baked, dynamic-dims decoder session)', () => {
  it('is what createGenerationRunner gives on the onnx backend', async () => {
    const model = tinyModel(tinyLlamaConfig(), 1);
    const runner = createGenerationRunner(t.backend, model.arch, model.weights, 32);
    expect(runner).toBeInstanceOf(GrowingPastRunner);
    await runner.dispose();
  });

  it("reproduces the LLaMA ONNX fixture's greedy ids (onnxruntime-genai's expected.json)", async () => {
    const weights = loadLlamaOnnxFixtureWeights();
    const runner = GrowingPastRunner.create(t.backend, llamaFamily.architecture(llamaOnnxFixtureConfig), weights, { releaseWeights: true });
    const newTokens = greedy.max_length - greedy.input_ids[0].length;
    const result = await generate(runner, greedy.input_ids, { maxNewTokens: newTokens, eosIds: [1], padId: 2, doSample: false });
    expect(result.outputIds).toEqual(greedy.expected.map((row) => row.slice(greedy.input_ids[0].length)));
    expect(weights.size).toBe(0); // baked: the runner let go of the host copy
    await runner.dispose();
  }, 60_000);

  const prompts = [[5, 6, 7, 8, 9, 10, 11, 12, 13, 14], [20, 21, 22], [30, 31, 32, 33, 34, 35]];
  const settings: [string, Partial<GenerateOptions>][] = [
    ['greedy', { doSample: false }],
    ['seeded sampling', { doSample: true, seed: 11, temperature: 0.9, topK: 20, topP: 0.9, repetitionPenalty: 1.2 }],
  ];
  describe.each([
    ['llama (grouped-query attention)', tinyLlamaConfig()],
    ['bloom (ALiBi, 6 heads)', tinyBloomConfig()],
  ])('%s', (_label, config) => {
    it.each(settings)('left-padded batched %s equals the static-cache CausalLmRunner', async (_name, sampling) => {
      const model = tinyModel(config, 3);
      const options = { maxNewTokens: 8, eosIds: [], padId: 0, ...sampling } as GenerateOptions;
      const reference = CausalLmRunner.create(t.backend, model.arch, model.weights, 32);
      const expected = await generate(reference, prompts, options);
      await reference.dispose();
      const runner = GrowingPastRunner.create(t.backend, model.arch, model.weights, { maxLength: 32 });
      const first = await generate(runner, prompts, options);
      const again = await generate(runner, prompts.slice(1), options); // a second batch, another size, same session
      await runner.dispose();
      expect(first.outputIds).toEqual(expected.outputIds);
      const alone = CausalLmRunner.create(t.backend, model.arch, model.weights, 32);
      expect(again.outputIds).toEqual((await generate(alone, prompts.slice(1), options)).outputIds);
      await alone.dispose();
    }, 60_000);
  });

  it('refuses a prompt that leaves no room for the new tokens', async () => {
    const model = tinyModel(tinyLlamaConfig(), 1);
    const runner = GrowingPastRunner.create(t.backend, model.arch, model.weights, { maxLength: 16 });
    await expect(runner.prefill({ inputIds: [new Array(12).fill(1)], attentionMask: [new Array(12).fill(1)] }, 6)).rejects.toThrow(/does not fit the generation length 16/);
    await runner.dispose();
  });
});
