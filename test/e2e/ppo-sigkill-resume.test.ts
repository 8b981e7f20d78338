import { existsSync } from 'node:fs';
import path from 'node:path';
import { metricLines, straightVersusKilledAndResumed } from '../helpers/sigkill-resume';
import { makeTempDir } from '../helpers/temp-dir';
import { writeTinyLlamaDirectory } from '../helpers/tiny-model-dir';

const records = [
  { instruction: 'Cộng hai số', input: '2 + 3', output: '5' },
  { instruction: 'Viết hoa', input: 'abc', output: 'ABC' },
  { instruction: 'Đảo ngược', input: 'xyz', output: 'zyx' },
  { instruction: 'Cộng hai số', input: '1 + 1', output: '2' },
  { instruction: 'Viết hoa', input: 'okapi', output: 'OKAPI' },
  { instruction: 'Đảo ngược', input: 'abc', output: 'cba' },
  { instruction: 'Cộng hai số', input: '4 + 4', output: '8' },
  { instruction: 'Viết hoa', input: 'vi', output: 'VI' },
  { instruction: 'Cộng hai số', input: '3 + 3', output: '6' },
  { instruction: 'Đảo ngược', input: 'okapi', output: 'ipako' },
];

// The length reward (every response is too short; the penalty grows with the missing characters)
// gives each rollout a different score, so advantages and the value head's targets are not all 0.
// PPO killed with SIGKILL (no chance to save) after its second checkpoint, while the next iteration's
// rollouts or updates are in flight, and resumed: the final policy, value head and optimizer moments
// equal those of a run that was never interrupted (one intra-op thread: bit-reproducible). Resuming
// must restore the RNG, prompt cursor, adaptive KL coefficient, value head and AdamW moments.
describe('okapi ppo: SIGKILL then --resume', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    tmp = makeTempDir('ppo-sigkill');
    tmp.write('package.json', '{ "name": "user-project" }');
    tmp.write('data/vi.json', JSON.stringify(records));
    tmp.write('okapi.config.json', JSON.stringify({
      backend: { name: 'onnx', threads: 1 }, lang: 'vi', seed: 7,
      ppo: {
        model: 'model', data: 'data', reward: { id: 'length', options: { unit: 'chars', min: 40, coef: 0.1 } }, iterations: 5, numRollouts: 4, chunkSize: 4, batchSize: 2, miniBatchSize: 1,
        ppoEpochs: 2, maxNewTokens: 4, learningRate: 1e-3, validationSplit: 0.2, saveEvery: 4, evalEvery: 8, keepLast: 2,
      },
    }));
    await writeTinyLlamaDirectory(path.join(tmp.dir, 'model'), records.flatMap((r) => [r.instruction, r.input, r.output, 'Below is an instruction that describes a task.']));
  }, 60_000);
  afterAll(() => tmp.remove());

  it('ends within 1e-6 of an uninterrupted run (weights, value head, optimizer moments)', async () => {
    // 4 steps per iteration; checkpoints at steps 4, 8, 12, 16; killed once step-8 exists and the third
    // iteration has started (its metrics line not yet written), so the resume starts mid-run
    const { resumedFrom, diffs } = await straightVersusKilledAndResumed(['ppo'], tmp.dir, (run) =>
      existsSync(path.join(run, 'checkpoints', 'step-8')) && metricLines(run, 'ppo') === 2);
    expect(resumedFrom).toMatch(/^step-(8|12)$/);
    expect(diffs.has('v_head.summary.weight')).toBe(true);
    expect([...diffs].filter(([, worst]) => !(worst <= 1e-6))).toEqual([]);
  }, 120_000);
});
