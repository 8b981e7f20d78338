import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runCliInProcess } from '../helpers/run-cli';
import { useStageProject } from '../helpers/stage-project';

const PROMPT = 'Below is an instruction that describes a task. Write a response that appropriately completes the request.';
const topics = ['Hà Nội', 'phở', 'mưa', 'sách', 'trường học', 'bóng đá', 'âm nhạc', 'biển', 'núi', 'cà phê', 'mèo', 'chó'];
// K = 3 ranked lists (indices best first), so DPO trains on all three pairs of each list
const records = topics.map((t) => ({
  instruction: `Hãy nói về ${t}`, input: '',
  responses: [`${t}. Không.`, `Cảm ơn bạn đã hỏi về ${t}! Tôi rất vui được giúp bạn.`, `Tôi biết về ${t}.`],
  ranking: [1, 2, 0],
}));

describe('okapi dpo (end to end, tiny LLaMA on onnx)', () => {
  const tmp = useStageProject('cli-dpo', {
    data: { 'data/ranked.json': records },
    config: { dpo: { learningRate: 5e-3, warmupSteps: 0, microBatchSize: 3, gradientAccumulationSteps: 1, evalEvery: 4, saveEvery: 4, validationSplit: 0.25, maxLength: 256 } },
    model: { dir: 'sft', texts: [...records.flatMap((r) => [r.instruction, ...r.responses]), PROMPT] },
  });
  const metrics = () => tmp.metrics();

  it('trains on ranked lists, logs held-out preference metrics, publishes a causal LM and resumes', async () => {
    const first = await runCliInProcess(['dpo', '--model', 'sft', '--data', 'data/ranked.json', '--output', 'run', '--max-steps', '8', '--beta', '0.5'], tmp.dir);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    const final = path.join(tmp.dir, 'run', 'final');
    for (const file of ['config.json', 'model.safetensors', 'tokenizer.json', 'trainer-state.json', 'optimizer.safetensors']) expect(existsSync(path.join(final, file))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(final, 'config.json'), 'utf8')).architectures).toEqual(['LlamaForCausalLM']);
    const evals = metrics().filter((m) => m.stage === 'dpo/eval');
    expect(evals.map((m) => m.step)).toEqual([0, 4, 8]);
    expect(evals[0].values.validationLoss).toBeCloseTo(Math.LN2, 5); // policy = reference at the start
    const last = evals.at(-1).values;
    expect(last.rewardAccuracy).toBeGreaterThanOrEqual(2 / 3);
    expect(last.rewardMargin).toBeGreaterThan(0);
    expect(last.validationLoss).toBeLessThan(Math.LN2);
    expect(first.stdout).toMatch(/preferenceAc/);

    const resumed = await runCliInProcess(['dpo', '--model', 'sft', '--data', 'data/ranked.json', '--output', 'run', '--max-steps', '10', '--beta', '0.5', '--resume'], tmp.dir);
    expect(resumed.code).toBe(0);
    expect(metrics().filter((m) => m.stage === 'dpo').map((m) => m.step)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  }, 120_000);

  it('says which option is missing', async () => {
    const result = await runCliInProcess(['dpo', '--data', 'data/ranked.json'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Missing 'dpo.model'");
  });
});
