// transformers.js (the bench-only install in bench/transformersjs) runs `okapi export --format onnx`
// folders: greedy ids equal the fixture's expected.json, and equal our own decoder stepping (which
// cli-export.test.ts checks against a float64 full forward) on left-padded LLaMA-GQA and BLOOM batches.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { greedyWithExportedDecoder, type PaddedPrompts } from '@okapi/backend-onnx';
import { llamaFamily, saveModelDirectory, trainBpeTokenizer } from '@okapi/core';
import { llamaOnnxFixtureConfig, llamaOnnxFixtureDir, loadLlamaOnnxFixtureWeights } from '../fixtures-models/onnx-llama-fixture';
import { tinyBloomConfig, tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';
import { runCliInProcess } from '../helpers/run-cli';
import { makeTempDir, repoRoot } from '../helpers/temp-dir';

const benchDir = path.join(repoRoot, 'bench', 'transformersjs');
const installed = existsSync(path.join(benchDir, 'node_modules', '@huggingface', 'transformers'));
const describeInstalled = installed ? describe : describe.skip;
const why = installed ? '' : ' (skipped: transformers.js is a bench-only install; run `npm ci --prefix bench/transformersjs`)';
const greedy = JSON.parse(readFileSync(path.join(llamaOnnxFixtureDir, 'expected.json'), 'utf8')).GreedySearchLlamaFp32 as { input_ids: number[][]; max_length: number; expected: number[][] };

function transformersJsGreedy(folder: string, prompts: PaddedPrompts, steps: number): number[][] {
  const run = spawnSync(process.execPath, [path.join(benchDir, 'greedy-ids.mjs'), folder, JSON.stringify(prompts.ids), JSON.stringify(prompts.mask), String(steps)], {
    encoding: 'utf8', timeout: 120_000, env: { ...process.env, ONNXRUNTIME_NODE_INSTALL_CUDA: 'skip' },
  });
  if (run.status !== 0) throw new Error(`transformers.js failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

describeInstalled(`transformers.js 4.x runs okapi's ONNX export${why}`, () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    tmp = makeTempDir('tjs-export');
    tmp.write('package.json', '{ "name": "user-project" }');
    const fixture = path.join(tmp.dir, 'fixture');
    await saveModelDirectory(fixture, llamaFamily.architecture(llamaOnnxFixtureConfig), loadLlamaOnnxFixtureWeights());
    for (const file of ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json']) copyFileSync(path.join(llamaOnnxFixtureDir, file), path.join(fixture, file));
    const tokenizer = await trainBpeTokenizer({ texts: ['hello world', 'xin chào'], vocabSize: 300 });
    for (const [name, model] of [['gqa', tinyModel(tinyLlamaConfig({ vocab_size: 300 }), 3)], ['bloom', tinyModel(tinyBloomConfig({ vocab_size: 300 }), 5)]] as const) {
      await saveModelDirectory(path.join(tmp.dir, name), model.arch, model.weights);
      await tokenizer.save(path.join(tmp.dir, name));
    }
  }, 60_000);
  afterAll(() => tmp.remove());

  async function exportFolder(model: string): Promise<string> {
    const out = `out-${model}`;
    const result = await runCliInProcess(['export', '--model', model, '--format', 'onnx', '--output', out], tmp.dir);
    expect(result.code).toBe(0);
    return path.join(tmp.dir, out);
  }

  it('reproduces the LLaMA fixture greedy ids (onnxruntime-genai expected.json)', async () => {
    const folder = await exportFolder('fixture');
    const prompts = { ids: greedy.input_ids, mask: greedy.input_ids.map((row) => row.map(() => 1)) };
    expect(transformersJsGreedy(folder, prompts, greedy.max_length - greedy.input_ids[0].length)).toEqual(greedy.expected);
  }, 120_000);

  it.each([
    ['LLaMA, 4 heads over 2 KV heads', 'gqa', { ids: [[5, 9, 13, 2, 44], [3, 3, 3, 8, 31]], mask: [[1, 1, 1, 1, 1], [0, 0, 0, 1, 1]] }],
    ['BLOOM (ALiBi positions from the mask)', 'bloom', { ids: [[5, 9, 13, 2, 44], [3, 3, 3, 8, 31]], mask: [[1, 1, 1, 1, 1], [0, 0, 0, 1, 1]] }],
  ] as [string, string, PaddedPrompts][])('%s: a left-padded batch gives the ids of our own decoder stepping', async (_name, model, prompts) => {
    const folder = await exportFolder(model);
    const session = await ort.InferenceSession.create(path.join(folder, 'onnx', 'model.onnx'));
    const ours = await greedyWithExportedDecoder(session, prompts, 6);
    await session.release();
    expect(transformersJsGreedy(folder, prompts, 6)).toEqual(ours.ids);
  }, 120_000);
});
