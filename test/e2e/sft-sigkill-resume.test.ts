import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FamilyRegistry, llamaFamily, loadModelDirectory } from '@okapi/core';
import { runCliProcess } from '../helpers/run-cli';
import { makeTempDir, repoRoot } from '../helpers/temp-dir';
import { writeTinyLlamaDirectory } from '../helpers/tiny-model-dir';

const records = Array.from({ length: 24 }, (_, i) => ({ instruction: `Cộng ${i} và ${i + 1}`, input: '', output: String(2 * i + 1) }));

// A training process killed with SIGKILL (no chance to save) and resumed from its last checkpoint ends
// with the same weights as a run that was never interrupted (one thread: bit-reproducible).
describe('okapi sft: SIGKILL then --resume', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    tmp = makeTempDir('sft-sigkill');
    tmp.write('package.json', '{ "name": "user-project" }');
    tmp.write('data/vi.json', JSON.stringify(records));
    tmp.write('okapi.config.json', JSON.stringify({
      backend: { name: 'onnx', threads: 1 }, lang: 'vi',
      sft: { model: 'model', data: 'data', learningRate: 5e-3, warmupSteps: 2, microBatchSize: 4, maxSteps: 16, evalEvery: 100, saveEvery: 4, keepLast: 2 },
    }));
    await writeTinyLlamaDirectory(path.join(tmp.dir, 'model'), records.map((r) => `${r.instruction} ${r.output}`));
  }, 60_000);
  afterAll(() => tmp.remove());

  const weightsOf = async (dir: string) => (await loadModelDirectory(dir, new FamilyRegistry([llamaFamily]))).weights;

  it('ends within 1e-6 of an uninterrupted run', async () => {
    expect(runCliProcess(['sft', '--output', 'straight'], tmp.dir).code).toBe(0);

    const bin = path.join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');
    const child = spawn(process.execPath, [bin, 'sft', '--output', 'killed'], { cwd: tmp.dir, stdio: 'ignore' });
    const checkpoint = path.join(tmp.dir, 'killed', 'checkpoints', 'step-8');
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        const steps = existsSync(path.join(tmp.dir, 'killed', 'metrics.jsonl'))
          ? readFileSync(path.join(tmp.dir, 'killed', 'metrics.jsonl'), 'utf8').trim().split('\n').length : 0;
        if (existsSync(checkpoint) && steps >= 9) { clearInterval(timer); child.kill('SIGKILL'); resolve(); }
      }, 20);
      child.on('exit', () => { clearInterval(timer); reject(new Error('the run finished before it could be killed')); });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    expect(existsSync(path.join(tmp.dir, 'killed', 'final'))).toBe(false);

    const resumed = runCliProcess(['sft', '--output', 'killed', '--resume'], tmp.dir);
    expect(resumed.code).toBe(0);
    const straight = await weightsOf(path.join(tmp.dir, 'straight', 'final'));
    const afterKill = await weightsOf(path.join(tmp.dir, 'killed', 'final'));
    for (const [name, t] of straight) {
      const other = afterKill.get(name)!.data;
      let worst = 0;
      t.data.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - other[i]!)); });
      expect([name, worst <= 1e-6]).toEqual([name, true]);
    }
  }, 240_000);
});
