import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCliInProcess } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { writeTinyLlamaDirectory } from '../helpers/tiny-model-dir';

// A user's reward model as a plain .mjs plugin beside the config: it sees every rollout's prompt,
// response and reference, and its scores are what PPO optimises (and logs).
const PLUGIN = `import { definePlugin } from '@okapi/core';
import { z } from 'zod';

export const seen = [];
export default definePlugin({
  meta: { name: 'fixed-reward', version: '0.1.0' },
  register(r) {
    r.rewardModel({
      id: 'fixed',
      summary: 'The same score for every response, plus a bonus when the reference answer appears',
      optionsSchema: z.object({ value: z.number(), bonus: z.number().default(0) }),
      create: (o) => ({
        id: 'fixed',
        async score(prompts, responses, { references }) {
          return responses.map((r, i) => o.value + (references?.[i]?.answer && r.includes(references[i].answer) ? o.bonus : 0));
        },
      }),
    });
  },
});
`;

const records = ['2 + 3', '1 + 1', '4 + 4', '3 + 3', '5 + 2', '6 + 1'].map((input) => ({ instruction: 'Cộng hai số', input, output: String(input.split(' + ').reduce((a, b) => a + Number(b), 0)) }));

describe('okapi ppo with a reward-model plugin from a .mjs file', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    tmp = makeTempDir('cli-ppo-plugin');
    tmp.write('package.json', '{ "name": "user-project" }');
    tmp.write('plugins/fixed-reward.mjs', PLUGIN);
    tmp.write('data/vi.json', JSON.stringify(records));
    await writeTinyLlamaDirectory(path.join(tmp.dir, 'model'), records.flatMap((r) => [r.instruction, r.input, r.output, 'Below is an instruction that describes a task.']));
  }, 60_000);
  afterAll(() => tmp.remove());

  // one project folder per config (the CLI caches a folder's config for the process)
  const config = (folder: string, reward: unknown) => tmp.write(`${folder}/okapi.config.mjs`, `export default ${JSON.stringify({
    plugins: ['../plugins/fixed-reward.mjs'], backend: { name: 'onnx', threads: 1 }, lang: 'vi',
    ppo: { reward, numRollouts: 4, chunkSize: 2, batchSize: 2, miniBatchSize: 2, ppoEpochs: 1, maxNewTokens: 3, validationSplit: 0 },
  })};\n`);

  it('trains against the plugin reward, configured with options in the config file', async () => {
    config('good', { id: 'fixed', options: { value: 0.25 } });
    const result = await runCliInProcess(['ppo', '--model', '../model', '--data', '../data', '--output', 'run', '--iterations', '2'], path.join(tmp.dir, 'good'));
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const iterations = readFileSync(path.join(tmp.dir, 'good', 'run', 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((m) => m.stage === 'ppo');
    expect(iterations.map((m) => m.values.reward)).toEqual([0.25, 0.25]);
    expect(iterations.map((m) => m.step)).toEqual([2, 4]);
  }, 120_000);

  it("reports the plugin's option errors at their config path before training", async () => {
    config('bad', { id: 'fixed', options: { value: 'high' } });
    const result = await runCliInProcess(['ppo', '--model', '../model', '--data', '../data', '--output', 'run'], path.join(tmp.dir, 'bad'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ppo.reward.options.value');
  }, 60_000);
});
