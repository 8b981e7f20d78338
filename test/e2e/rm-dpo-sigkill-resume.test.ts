import { existsSync } from 'node:fs';
import path from 'node:path';
import { straightVersusKilledAndResumed } from '../helpers/sigkill-resume';
import { useStageProject } from '../helpers/stage-project';

// Okapi ranking records (one preferred, one rejected answer each): the RM and DPO both train on them
const records = Array.from({ length: 16 }, (_, i) => ({
  instruction: `Số nào lớn hơn: ${i} hay ${i + 5}?`, input: '',
  prefered_output: `Số ${i + 5} lớn hơn ${i}.`, rejected_output: `Số ${i}.`,
}));
const stage = { learningRate: 5e-3, warmupSteps: 2, microBatchSize: 4, gradientAccumulationSteps: 1, maxSteps: 12, evalEvery: 100, saveEvery: 4, keepLast: 2, validationSplit: 0.25 };

// As for SFT and PPO: a run killed with SIGKILL once its second checkpoint exists, then resumed, ends
// where an uninterrupted run ends (one intra-op thread: bit-reproducible), score head and moments included.
describe('okapi rm / dpo: SIGKILL then --resume', () => {
  const tmp = useStageProject('rm-dpo-sigkill', {
    data: { 'data/vi.json': records },
    config: { rm: { model: 'model', data: 'data', ...stage }, dpo: { model: 'model', data: 'data', ...stage } },
    model: { dir: 'model', texts: records.flatMap((r) => [r.instruction, r.prefered_output, r.rejected_output, 'Below is an instruction that describes a task.']) },
  });
  const afterSecondCheckpoint = (run: string) => existsSync(path.join(run, 'checkpoints', 'step-8'));

  it.each(['rm', 'dpo'])('%s ends within 1e-6 of an uninterrupted run', async (command) => {
    const { resumedFrom, diffs } = await straightVersusKilledAndResumed([command], tmp.dir, afterSecondCheckpoint);
    expect(resumedFrom).toMatch(/^step-(8|12)$/);
    expect(diffs.size).toBeGreaterThan(0);
    expect([...diffs].filter(([, worst]) => !(worst <= 1e-6))).toEqual([]);
  }, 120_000);
});
