import { existsSync } from 'node:fs';
import path from 'node:path';
import { generateDemoData, writeDemoData } from '@okapi/core';
import { runCliInProcess } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { writeTinyLlamaDirectory } from '../helpers/tiny-model-dir';

// SFT → RM → PPO for two languages from one config, on tiny models and the built-in demo data.
describe('okapi pipeline (tiny LLaMA on onnx)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    tmp = makeTempDir('cli-pipeline');
    tmp.write('package.json', '{ "name": "user-project" }');
    const data = generateDemoData({ seed: 0, langs: ['vi', 'de'], sizes: { sft: 24, rm: 12, ppo: 8, eval: 4 } });
    await writeDemoData(path.join(tmp.dir, 'data'), data);
    await writeTinyLlamaDirectory(path.join(tmp.dir, 'base'), data.flatMap((d) => d.sft.map((r) => `${r.instruction} ${r.input} ${r.output}`)));
    const steps = { maxSteps: 2, evalEvery: 2, saveEvery: 2, warmupSteps: 0 };
    tmp.write('okapi.config.json', JSON.stringify({
      backend: { name: 'onnx', threads: 1 },
      sft: { model: 'base', data: 'data/sft', microBatchSize: 4, ...steps },
      rm: { data: 'data/rm', microBatchSize: 2, gradientAccumulationSteps: 1, trainableLayers: null, ...steps },
      ppo: { data: 'data/ppo', numRollouts: 4, chunkSize: 4, batchSize: 2, miniBatchSize: 2, ppoEpochs: 1, maxNewTokens: 4, iterations: 1, ...steps },
    }));
  }, 60_000);
  afterAll(() => tmp.remove());

  it('runs every stage per language, each from the previous model, and skips finished stages on rerun', async () => {
    const first = await runCliInProcess(['pipeline', '--langs', 'vi,de', '--output', 'runs'], tmp.dir);
    expect(first.stderr).not.toMatch(/\berror\b/);
    expect(first.code).toBe(0);
    for (const lang of ['vi', 'de']) {
      for (const stage of ['sft', 'rm', 'ppo']) expect(existsSync(path.join(tmp.dir, 'runs', lang, stage, 'final', 'config.json'))).toBe(true);
    }
    expect(first.stdout).toMatch(/Pipeline summary/);
    expect(first.stdout.match(/\bdone\b/g)).toHaveLength(6);

    const again = await runCliInProcess(['pipeline', '--langs', 'vi,de', '--output', 'runs', '--json'], tmp.dir);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).map((r: { status: string }) => r.status)).toEqual(new Array(6).fill('skipped'));
  }, 300_000);
});
