import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runCliInProcess } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

// The README's main command, shortened (`--size quick`): everything from nothing, on the onnx backend.
describe('okapi demo --size quick', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    tmp = makeTempDir('cli-demo');
    tmp.write('package.json', '{ "name": "user-project" }');
  });
  afterAll(() => tmp.remove());

  it('builds data, tokenizer and model, trains, evaluates before/after and writes the report', async () => {
    const result = await runCliInProcess(['demo', '--size', 'quick', '--output', 'demo', '--backend', 'onnx'], tmp.dir);
    expect(result.stderr).not.toMatch(/\berror\b/);
    expect(result.code).toBe(0);
    const out = path.join(tmp.dir, 'demo');
    for (const file of ['data/sft/vi.json', 'data/eval/vi.json', 'base/tokenizer.json', 'base/model.safetensors', 'sft/final/model.safetensors', 'sft/final/tokenizer.json', 'rm/final/model.safetensors', 'ppo/final/model.safetensors', 'report.html']) {
      expect(existsSync(path.join(out, file))).toBe(true);
    }
    const steps = readFileSync(path.join(out, 'sft', 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((m) => m.stage === 'sft');
    expect(steps.at(-1).values.loss).toBeLessThan(steps[0].values.loss * 0.7);
    expect(result.stdout).toMatch(/base[\s\S]*sft[\s\S]*ppo/);
    expect(result.stderr).toContain(`okapi chat --model ${path.join(out, 'ppo', 'final')}`);
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('Held-out verifier results');

    // a second run finds every stage's output and only re-evaluates
    const again = await runCliInProcess(['demo', '--size', 'quick', '--output', 'demo', '--backend', 'onnx'], tmp.dir);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('SFT on');
  }, 180_000);
});
