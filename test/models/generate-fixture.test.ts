import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CausalLmRunner, generate, llamaFamily, loadTokenizer, type TokenEvent } from '@okapi/core';
import { llamaOnnxFixtureConfig, llamaOnnxFixtureDir, loadLlamaOnnxFixtureWeights } from '../fixtures-models/onnx-llama-fixture';
import { createOnnxTestBackend, type OnnxTestBackend } from './onnx-test-backend';

const greedy = JSON.parse(readFileSync(join(llamaOnnxFixtureDir, 'expected.json'), 'utf8')).GreedySearchLlamaFp32 as { input_ids: number[][]; max_length: number; expected: number[][] };

describe('generate() on the LLaMA ONNX fixture', () => {
  const arch = llamaFamily.architecture(llamaOnnxFixtureConfig);
  let t: OnnxTestBackend;
  let runner: CausalLmRunner;
  beforeAll(async () => {
    t = await createOnnxTestBackend();
    runner = CausalLmRunner.create(t.backend, arch, loadLlamaOnnxFixtureWeights(), 64);
  }, 30_000);
  afterAll(async () => {
    await runner.dispose();
    await t.dispose();
  });

  it("produces onnxruntime-genai's greedy ids for the batch", async () => {
    const newTokens = greedy.max_length - greedy.input_ids[0].length;
    const result = await generate(runner, greedy.input_ids, { maxNewTokens: newTokens, eosIds: [1], padId: 2, doSample: false });
    expect(result.outputIds).toEqual(greedy.expected.map((row) => row.slice(greedy.input_ids[0].length)));
    expect(result.stopReasons).toEqual(['max_new_tokens', 'max_new_tokens']);
  }, 60_000);

  it('streams text deltas that add up to the decoded output, with the real LLaMA tokenizer', async () => {
    const tokenizer = await loadTokenizer(llamaOnnxFixtureDir);
    const prompts = [await tokenizer.encode('Bonjour, je suis'), await tokenizer.encode('The capital of Vietnam is')];
    const events: TokenEvent[] = [];
    const decode = (ids: readonly number[]) => tokenizer.decode(ids, { skipSpecialTokens: true });
    const result = await generate(runner, prompts, { maxNewTokens: 12, eosIds: [], padId: 0, doSample: true, seed: 5, topK: 40, topP: 0.75, decode, onToken: (e) => events.push(e) });
    for (const row of [0, 1]) {
      const streamed = events.filter((e) => e.row === row).map((e) => e.textDelta).join('');
      expect(streamed).toBe(await decode(result.outputIds[row]));
      expect(result.texts![row]).toBe(streamed);
      expect(events.filter((e) => e.row === row).map((e) => e.tokenId)).toEqual(result.outputIds[row]);
    }
  }, 60_000);
});
