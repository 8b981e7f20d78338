// Slow (npm run test:slow): the RM and DPO stages on the built-in demo data, one language per resource
// level (OKAPI_DEMO_LANGS, default vi,hu,bn). The SFT model is `okapi demo --size quick`'s; the ranking
// data are the demo's K = 4 ranked candidates (correct answer + 3 wrong ones), 1,500 prompts, 10% held out.
// Measured (2 shared cores, ~10-14 min per language): RM held-out pairwise accuracy bn 0.477 -> 0.931,
// hu 0.479 -> 0.902, vi 0.914 (same commands); DPO held-out preference accuracy bn 0.669 -> 0.700,
// hu 0.563 -> 0.628, vi 0.588 -> 0.683.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemoData, writeDemoData } from '@okapi/core';
import { runCliInProcess } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

const langs = (process.env.OKAPI_DEMO_LANGS ?? 'vi,hu,bn').split(',');

describe.each(langs)('RM and DPO on the demo data (%s, tiny LLaMA, onnx CPU)', (lang) => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    tmp = makeTempDir(`slow-rm-dpo-${lang}`);
    tmp.write('okapi.config.json', JSON.stringify({ backend: { name: 'onnx', threads: 2 }, lang, seed: 0 }));
    const demo = await runCliInProcess(['demo', '--size', 'quick', '--output', 'demo'], tmp.dir);
    expect(demo.code).toBe(0);
    await writeDemoData(path.join(tmp.dir, 'ranking'), generateDemoData({ seed: 0, langs: [lang], sizes: { sft: 1, rm: 1500, ppo: 1, eval: 1 } }));
  }, 300_000);
  afterAll(() => tmp.remove());

  const evals = (run: string, stage: string) => readFileSync(path.join(tmp.dir, run, 'metrics.jsonl'), 'utf8').trim().split('\n')
    .map((l) => JSON.parse(l) as { stage: string; step: number; values: Record<string, number> }).filter((m) => m.stage === `${stage}/eval`);

  it('the reward model reaches >= 85% held-out pairwise accuracy', async () => {
    const rm = await runCliInProcess(['rm', '--model', 'demo/sft/final', '--data', `ranking/rm/${lang}.json`, '--output', 'rm', '--max-steps', '300', '--learning-rate', '2e-3'], tmp.dir);
    expect(rm.code).toBe(0);
    const [start, ...rest] = evals('rm', 'rm');
    const end = rest.at(-1)!;
    console.log(`${lang} RM: held-out pairwise accuracy ${start!.values.pairwiseAccuracy!.toFixed(3)} -> ${end.values.pairwiseAccuracy!.toFixed(3)} after ${end.step} steps`);
    expect(end.values.pairwiseAccuracy).toBeGreaterThanOrEqual(0.85);
  }, 1_200_000);

  it('DPO raises held-out preference accuracy over the SFT model', async () => {
    const dpo = await runCliInProcess(['dpo', '--model', 'demo/sft/final', '--data', `ranking/rm/${lang}.json`, '--output', 'dpo', '--max-steps', '150', '--learning-rate', '1e-3', '--beta', '0.1'], tmp.dir);
    expect(dpo.code).toBe(0);
    const [start, ...rest] = evals('dpo', 'dpo');
    const end = rest.at(-1)!;
    console.log(`${lang} DPO: held-out preference accuracy ${start!.values.preferenceAccuracy!.toFixed(3)} -> ${end.values.preferenceAccuracy!.toFixed(3)}, implicit-reward accuracy ${end.values.rewardAccuracy!.toFixed(3)}`);
    expect(end.values.preferenceAccuracy).toBeGreaterThan(start!.values.preferenceAccuracy!);
    expect(end.values.rewardAccuracy).toBeGreaterThan(0.6);
  }, 1_200_000);
});
