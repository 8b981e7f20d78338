import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '@okapi/cli';
import { runCliInProcess } from '../helpers/run-cli';
import { maxAbsDiffs } from '../helpers/sigkill-resume';
import { useStageProject } from '../helpers/stage-project';

const records = Array.from({ length: 24 }, (_, i) => ({ instruction: `Cộng ${i} và ${i + 1}`, input: '', output: String(2 * i + 1) }));

/** Runs `okapi argv` in-process and aborts it (as Ctrl-C does) once `when()` holds. */
async function runUntilAborted(argv: readonly string[], cwd: string, when: () => boolean): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const sink = (collect: boolean) => new Writable({ write(chunk, _enc, done) { if (collect) stderr += String(chunk); done(); } });
  const controller = new AbortController();
  const timer = setInterval(() => { if (when()) controller.abort(); }, 10);
  try {
    const code = await main(argv, { cwd, stdout: sink(false), stderr: sink(true), signal: controller.signal });
    return { code, stderr };
  } finally {
    clearInterval(timer);
  }
}

// `okapi sft --output DIR --resume` continues a run from what it recorded: model, data, seed and the
// stage options, without repeating them (what a transformers / TRL user expects).
describe('okapi sft --output DIR --resume (the short form)', () => {
  const tmp = useStageProject('stage-resume', {
    data: { 'data/vi.json': records },
    config: { sft: { learningRate: 5e-3, warmupSteps: 2, microBatchSize: 4, evalEvery: 100, saveEvery: 2, keepLast: 2 } },
    model: { dir: 'model', texts: records.map((r) => `${r.instruction} ${r.output}`) },
  });
  // every value the short form must recover differs from the project's config and the defaults
  const started = ['sft', '--model', 'model', '--data', 'data', '--seed', '7', '--max-steps', '8', '--learning-rate', '4e-3'];

  it('ends where an uninterrupted run with the full flags ends (1e-6), resumed from another directory', async () => {
    const straight = await runCliInProcess([...started, '--output', 'straight'], tmp.dir);
    expect(straight.code).toBe(0);
    const killed = path.join(tmp.dir, 'killed');
    const interrupted = await runUntilAborted([...started, '--output', 'killed'], tmp.dir, () => existsSync(path.join(killed, 'checkpoints', 'step-2')));
    expect(interrupted.code).toBe(0);
    expect(interrupted.stderr).toContain('Interrupted; continue with: okapi sft --output killed --resume');
    expect(tmp.metrics('killed').filter((m) => m.stage === 'sft').length).toBeLessThan(8);

    mkdirSync(path.join(tmp.dir, 'elsewhere'), { recursive: true });
    const resumed = await runCliInProcess(['sft', '--output', '../killed', '--resume'], path.join(tmp.dir, 'elsewhere'));
    expect(resumed.stderr).toMatch(/resuming from \S+step-\d+/);
    expect(resumed.code).toBe(0);
    expect(tmp.metrics('killed').filter((m) => m.stage === 'sft').at(-1).step).toBe(8);
    const diffs = await maxAbsDiffs(path.join(tmp.dir, 'straight', 'final'), path.join(killed, 'final'));
    expect(diffs.size).toBeGreaterThan(0);
    expect([...diffs].filter(([, worst]) => !(worst <= 1e-6))).toEqual([]);
  }, 180_000);

  it('lets flags given now win over the recorded values', async () => {
    const extended = await runCliInProcess(['sft', '--output', 'straight', '--resume', '--max-steps', '10'], tmp.dir);
    expect(extended.code).toBe(0);
    expect(extended.stderr).toContain('from the command line: sft.maxSteps');
    expect(tmp.metrics('straight').filter((m) => m.stage === 'sft').map((m) => m.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  }, 120_000);

  it('refuses a --model other than the one the run started from', async () => {
    const result = await runCliInProcess(['sft', '--output', 'straight', '--resume', '--model', 'data'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--model data is not the model this run started from (${path.join(tmp.dir, 'model')}`);
    expect(result.stderr).toContain('drop --model to continue it');
  });

  it('still needs --model and --data when the run directory recorded nothing', async () => {
    const result = await runCliInProcess(['sft', '--output', 'never-ran', '--resume'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Missing 'sft.model'");
  });
});
