import { existsSync } from 'node:fs';
import path from 'node:path';
import { metricLines, straightVersusKilledAndResumed } from '../helpers/sigkill-resume';
import { useStageProject } from '../helpers/stage-project';

const records = Array.from({ length: 24 }, (_, i) => ({ instruction: `Cộng ${i} và ${i + 1}`, input: '', output: String(2 * i + 1) }));

// A training process killed with SIGKILL (no chance to save) and resumed from its last checkpoint ends
// with the same weights as a run that was never interrupted (one thread: bit-reproducible).
describe('okapi sft: SIGKILL then --resume', () => {
  const tmp = useStageProject('sft-sigkill', {
    data: { 'data/vi.json': records },
    config: { sft: { model: 'model', data: 'data', learningRate: 5e-3, warmupSteps: 2, microBatchSize: 4, maxSteps: 16, evalEvery: 100, saveEvery: 4, keepLast: 2 } },
    model: { dir: 'model', texts: records.map((r) => `${r.instruction} ${r.output}`) },
  });

  it('ends within 1e-6 of an uninterrupted run', async () => {
    const { resumedFrom, diffs } = await straightVersusKilledAndResumed(['sft'], tmp.dir, (run) =>
      existsSync(path.join(run, 'checkpoints', 'step-8')) && metricLines(run) >= 9);
    expect(resumedFrom).toMatch(/^step-(8|12)$/);
    expect(diffs.size).toBeGreaterThan(0);
    expect([...diffs].filter(([, worst]) => !(worst <= 1e-6))).toEqual([]);
  }, 240_000);
});
