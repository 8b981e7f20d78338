import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import onnxPlugin from '@okapi/backend-onnx';
import { activateBackend, corePlugin, RewardFactory } from '@okapi/core';
import { createTestScope } from '@okapi/core/testing';
import { runCliInProcess } from '../helpers/run-cli';
import { repoRoot } from '../helpers/temp-dir';
import { useStageProject } from '../helpers/stage-project';

// Okapi ranking format; the preferred answer is a polite sentence, the rejected one a curt word
const topics = ['Hà Nội', 'phở', 'mưa', 'sách', 'trường học', 'bóng đá', 'âm nhạc', 'biển', 'núi', 'cà phê', 'mèo', 'chó'];
const polite = (t: string) => `Cảm ơn bạn đã hỏi về ${t}! Tôi rất vui được giúp bạn.`;
const curt = (t: string) => `${t}. Không.`;
const PROMPT = 'Below is an instruction that describes a task. Write a response that appropriately completes the request.';
const records = topics.flatMap((t, i) => [
  { instruction: `Hãy nói về ${t}`, input: '', prefered_output: polite(t), rejected_output: curt(t) },
  { instruction: `Bạn nghĩ gì về ${t}?`, input: `câu ${i}`, prefered_output: polite(t), rejected_output: curt(t) },
]);

describe('okapi rm (end to end, tiny LLaMA on onnx)', () => {
  const tmp = useStageProject('cli-rm', {
    data: { 'data/vi.json': records },
    config: { rm: { learningRate: 1e-2, warmupSteps: 0, microBatchSize: 4, gradientAccumulationSteps: 1, evalEvery: 6, saveEvery: 6, validationSplit: 0.25, maxLength: 256 } },
    model: { dir: 'sft', texts: records.flatMap((r) => [r.instruction, r.input, r.prefered_output, r.rejected_output, PROMPT]) },
  });
  const metrics = () => tmp.metrics();

  it('trains a reward model, publishes a *ForSequenceClassification directory, resumes, and the learned reward scores with it', async () => {
    const first = await runCliInProcess(['rm', '--model', 'sft', '--data', 'data', '--output', 'run', '--max-steps', '12'], tmp.dir);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    const final = path.join(tmp.dir, 'run', 'final');
    for (const file of ['config.json', 'model.safetensors', 'tokenizer.json', 'trainer-state.json', 'optimizer.safetensors']) expect(existsSync(path.join(final, file))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(final, 'config.json'), 'utf8'))).toMatchObject({ architectures: ['LlamaForSequenceClassification'], id2label: { 0: 'LABEL_0' } });
    const evals = metrics().filter((m) => m.stage === 'rm/eval');
    expect(evals.map((m) => m.step)).toEqual([0, 6, 12]);
    expect(evals[0].values.pairwiseAccuracy).toBeLessThan(evals.at(-1).values.pairwiseAccuracy);
    expect(evals.at(-1).values.pairwiseAccuracy).toBeGreaterThanOrEqual(0.8);
    expect(first.stdout).toMatch(/pairwiseAcc/);

    const resumed = await runCliInProcess(['rm', '--model', 'sft', '--data', 'data', '--output', 'run', '--max-steps', '14', '--resume'], tmp.dir);
    expect(resumed.code).toBe(0);
    expect(metrics().filter((m) => m.stage === 'rm').map((m) => m.step)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));

    // the learned reward, configured by path relative to the project, prefers the polite answers
    const t = createTestScope({ plugins: [corePlugin, onnxPlugin], config: { backend: { name: 'onnx', threads: 1 } } });
    try {
      await activateBackend(t.scope);
      const reward = await t.scope.resolve(RewardFactory).create({ id: 'learned', options: { model: path.relative(process.cwd(), final), batchSize: 3 } });
      const prompt = `${PROMPT}\n\n### Instruction:\nHãy nói về biển\n\n### Response:\n`;
      const responses = [polite('biển'), curt('biển'), polite('mèo'), curt('mèo')];
      const batched = await reward.score(responses.map(() => prompt), responses, { lang: 'vi' });
      const alone = [];
      for (const r of responses) alone.push(...(await reward.score([prompt], [r], { lang: 'vi' })));
      batched.forEach((s, i) => expect(s).toBeCloseTo(alone[i]!, 4)); // right padding does not move the score
      expect(batched[0]).toBeGreaterThan(batched[1]!);
      expect(batched[2]).toBeGreaterThan(batched[3]!);
      await reward.dispose?.();
    } finally {
      await t.dispose();
    }
  }, 120_000);

  it('reads ShareGPT preference pairs (fixture) and says which option is missing', async () => {
    const fixture = path.join(repoRoot, '..', 'shared', 'fixtures', 'preference', 'pairs_en_300.json');
    const subset = JSON.parse(readFileSync(fixture, 'utf8')).slice(0, 16);
    tmp.write('pairs/en.json', JSON.stringify(subset));
    const result = await runCliInProcess(['rm', '--model', 'sft', '--data', 'pairs/en.json', '--output', 'run-en', '--max-steps', '2', '--loss', 'listwise'], tmp.dir);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(tmp.dir, 'run-en', 'final', 'model.safetensors'))).toBe(true);
    const missing = await runCliInProcess(['rm', '--data', 'data'], tmp.dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Missing 'rm.model'");
  }, 60_000);
});
