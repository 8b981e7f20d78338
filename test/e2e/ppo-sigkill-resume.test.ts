import { existsSync } from 'node:fs';
import path from 'node:path';
import { straightVersusKilledAndResumed } from '../helpers/sigkill-resume';
import { useStageProject } from '../helpers/stage-project';

// RL prompts with exact answers (the verifier's kind of data); any instruction data would do
const records = Array.from({ length: 10 }, (_, i) => ({ instruction: 'Nhân hai số', input: `${i} × 3`, output: String(3 * i) }));

// The length reward (every response is too short; the penalty grows with the missing characters)
// gives each rollout a different score, so advantages and the value head's targets are not all 0.
// PPO killed with SIGKILL (no chance to save) after its second checkpoint, while the next iteration's
// rollouts or updates are in flight, and resumed: the final policy, value head and optimizer moments
// equal those of a run that was never interrupted (one intra-op thread: bit-reproducible). Resuming
// must restore the RNG, prompt cursor, adaptive KL coefficient, value head and AdamW moments.
describe('okapi ppo: SIGKILL then --resume', () => {
  const tmp = useStageProject('ppo-sigkill', {
    data: { 'data/vi.json': records },
    config: {
      seed: 7,
      ppo: {
        model: 'model', data: 'data', reward: { id: 'length', options: { unit: 'chars', min: 40, coef: 0.1 } }, iterations: 6, numRollouts: 4, chunkSize: 4,
        batchSize: 2, miniBatchSize: 1, ppoEpochs: 2, maxNewTokens: 4, learningRate: 1e-3, validationSplit: 0.2, saveEvery: 4, evalEvery: 8, keepLast: 2,
      },
    },
    model: { dir: 'model', texts: records.flatMap((r) => [r.instruction, r.input, r.output, 'Below is an instruction that describes a task.']) },
  });

  it('ends within 1e-6 of an uninterrupted run (weights, value head, optimizer moments)', async () => {
    // 4 steps per iteration, a checkpoint after each; killed as soon as step-8 exists (most often in the
    // third iteration's rollouts), so the resume starts mid-run
    const { resumedFrom, diffs } = await straightVersusKilledAndResumed(['ppo'], tmp.dir, (run) => existsSync(path.join(run, 'checkpoints', 'step-8')));
    expect(resumedFrom).toMatch(/^step-(8|12|16|20)$/);
    expect(diffs.has('v_head.summary.weight')).toBe(true);
    expect([...diffs].filter(([, worst]) => !(worst <= 1e-6))).toEqual([]);
  }, 120_000);
});
