import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FamilyRegistry, llamaFamily, loadModelDirectory } from '@okapi/core';
import { runCliInProcess } from '../helpers/run-cli';
import { useStageProject } from '../helpers/stage-project';

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

describe('okapi ppo (end to end, tiny LLaMA on onnx, verifier reward)', () => {
  const tmp = useStageProject('cli-ppo', {
    data: { 'data/vi.json': records },
    config: { ppo: { reward: 'verifier', numRollouts: 4, chunkSize: 4, batchSize: 2, miniBatchSize: 1, ppoEpochs: 1, maxNewTokens: 4, learningRate: 1e-3, validationSplit: 0.2, saveEvery: 2, evalEvery: 4 } },
    model: { dir: 'model', texts: records.flatMap((r) => [r.instruction, r.input, r.output, 'Below is an instruction that describes a task.']) },
  });
  const metrics = () => tmp.metrics();

  it('trains, logs per iteration, reports and publishes a model with its value head; --resume continues', async () => {
    const first = await runCliInProcess(['ppo', '--model', 'model', '--data', 'data', '--output', 'run', '--iterations', '2'], tmp.dir);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    for (const file of ['config.json', 'model.safetensors', 'tokenizer.json', 'trainer-state.json', 'optimizer.safetensors']) {
      expect(existsSync(path.join(tmp.dir, 'run', 'final', file))).toBe(true);
    }
    expect(existsSync(path.join(tmp.dir, 'run', 'report.html'))).toBe(true);
    const iterations = metrics().filter((m) => m.stage === 'ppo');
    expect(iterations.map((m) => m.step)).toEqual([2, 4]);
    for (const key of ['reward', 'kl', 'entropy', 'clipFraction', 'valueLoss', 'explainedVariance', 'responseLength', 'timeGeneration', 'timeScoring', 'timeTraining']) {
      expect(typeof iterations[1].values[key]).toBe('number');
    }
    expect(metrics().filter((m) => m.stage === 'ppo/eval').map((m) => m.step)).toEqual([0, 4]);
    expect(first.stdout).toMatch(/reward/);
    const final = await loadModelDirectory(path.join(tmp.dir, 'run', 'final'), new FamilyRegistry([llamaFamily]), { head: 'value' });
    expect(final.weights.has('v_head.summary.weight')).toBe(true);
    // and it still loads as a plain causal LM (okapi chat / generate ignore the value head)
    const asLm = await loadModelDirectory(path.join(tmp.dir, 'run', 'final'), new FamilyRegistry([llamaFamily]));
    expect(asLm.weights.has('v_head.summary.weight')).toBe(false);

    const resumed = await runCliInProcess(['ppo', '--model', 'model', '--data', 'data', '--output', 'run', '--iterations', '3', '--resume'], tmp.dir);
    expect(resumed.code).toBe(0);
    expect(metrics().filter((m) => m.stage === 'ppo').map((m) => m.step)).toEqual([2, 4, 6]);
    expect(readdirSync(path.join(tmp.dir, 'run', 'checkpoints')).length).toBeLessThanOrEqual(2);
  }, 120_000);

  it('says which option is missing', async () => {
    const result = await runCliInProcess(['ppo', '--data', 'data'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Missing 'ppo.model'");
  });
});
