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

    // a second run finds every stage's output and only re-evaluates (greedy, so the same numbers), here as JSON
    const again = await runCliInProcess(['demo', '--size', 'quick', '--output', 'demo', '--backend', 'onnx', '--json'], tmp.dir);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('SFT on');
    const results = JSON.parse(again.stdout) as { model: string; 'held-out accuracy': number; 'mean score': number; n: number }[];
    expect(results.map((r) => r.model)).toEqual(['base', 'sft', 'ppo']);
    const score = (model: string) => results.find((r) => r.model === model)!['mean score'];
    // the random base model answers nothing right; SFT on the demo tasks earns verifier credit on held-out prompts
    expect(score('sft')).toBeGreaterThan(score('base') + 0.05);
    // PPO's two short iterations keep the policy near the SFT model (KL penalty, small learning rate)
    expect(Math.abs(score('ppo') - score('sft'))).toBeLessThan(0.15);
    const kls = readFileSync(path.join(out, 'ppo', 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((m) => m.stage === 'ppo').map((m) => m.values.kl);
    expect(kls.length).toBeGreaterThan(0);
    for (const kl of kls) expect(Math.abs(kl)).toBeLessThan(5);
  }, 180_000);
});
