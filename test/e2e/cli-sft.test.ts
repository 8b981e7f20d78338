import { existsSync } from 'node:fs';
import path from 'node:path';
import { runCliInProcess } from '../helpers/run-cli';
import { useStageProject } from '../helpers/stage-project';

const records = [
  { instruction: 'Dịch sang tiếng Anh', input: 'xin chào', output: 'hello' },
  { instruction: 'Cộng hai số', input: '2 + 3', output: '5' },
  { instruction: 'Viết hoa', input: 'abc', output: 'ABC' },
  { instruction: 'Đảo ngược', input: 'xyz', output: 'zyx' },
  { instruction: 'Cộng hai số', input: '1 + 1', output: '2' },
  { instruction: 'Viết hoa', input: 'okapi', output: 'OKAPI' },
  { instruction: 'Đảo ngược', input: 'abc', output: 'cba' },
  { instruction: 'Cộng hai số', input: '4 + 4', output: '8' },
  { instruction: 'Chào hỏi', input: '', output: 'Xin chào!' },
  { instruction: 'Viết hoa', input: 'vi', output: 'VI' },
];

describe('okapi sft (end to end, tiny LLaMA on onnx)', () => {
  const tmp = useStageProject('cli-sft', {
    data: { 'data/vi.json': records },
    config: { sft: { learningRate: 1e-2, warmupSteps: 0, microBatchSize: 3, evalEvery: 4, saveEvery: 4, validationSplit: 0.2 } },
    model: { dir: 'model', texts: records.flatMap((r) => [r.instruction, r.input, r.output, 'Below is an instruction that describes a task.']) },
  });
  const metrics = () => tmp.metrics();

  it('trains, logs, reports and publishes a loadable model; --resume continues the run', async () => {
    const first = await runCliInProcess(['sft', '--model', 'model', '--data', 'data', '--output', 'run', '--max-steps', '8'], tmp.dir);
    expect(first.stderr).not.toMatch(/error/);
    expect(first.code).toBe(0);
    for (const file of ['config.json', 'model.safetensors', 'tokenizer.json', 'trainer-state.json', 'optimizer.safetensors']) {
      expect(existsSync(path.join(tmp.dir, 'run', 'final', file))).toBe(true);
    }
    expect(existsSync(path.join(tmp.dir, 'run', 'report.html'))).toBe(true);
    const steps = metrics().filter((m) => m.stage === 'sft');
    expect(steps.map((m) => m.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(steps.at(-1).values.loss).toBeLessThan(steps[0].values.loss);
    expect(metrics().filter((m) => m.stage === 'sft/eval').map((m) => m.step)).toEqual([4, 8]);
    expect(first.stdout).toMatch(/validationLoss/);
    expect(first.stderr).toContain('okapi chat --model');

    const resumed = await runCliInProcess(['sft', '--model', 'model', '--data', 'data', '--output', 'run', '--max-steps', '10', '--resume'], tmp.dir);
    expect(resumed.code).toBe(0);
    expect(metrics().filter((m) => m.stage === 'sft').map((m) => m.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  }, 120_000);

  it('says which option is missing', async () => {
    const result = await runCliInProcess(['sft', '--data', 'data'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Missing 'sft.model'");
    expect(result.stderr).toContain('--model DIR');
  });
});
