import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FamilyRegistry, generateDemoData, llamaFamily, loadModelDirectory } from '@okapi/core';
import { runCliInProcess } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { writeTinyLlamaDirectory } from '../helpers/tiny-model-dir';

const demo = generateDemoData({ seed: 0, langs: ['vi'], sizes: { sft: 60, rm: 0, ppo: 0, eval: 0 } })[0]!.sft;

describe('okapi sft --lora-rank (end to end, tiny LLaMA on onnx, demo data)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    tmp = makeTempDir('cli-sft-lora');
    tmp.write('package.json', '{ "name": "user-project" }');
    tmp.write('data/vi.json', JSON.stringify(demo));
    tmp.write('okapi.config.json', JSON.stringify({
      backend: { name: 'onnx', threads: 1 }, lang: 'vi',
      sft: { learningRate: 2e-2, warmupSteps: 0, microBatchSize: 4, evalEvery: 4, saveEvery: 8, validationSplit: 0.2, maxLength: 96 },
    }));
    await writeTinyLlamaDirectory(path.join(tmp.dir, 'model'), demo.flatMap((r) => [r.instruction, r.input, r.output, 'Below is an instruction that describes a task.']));
  }, 60_000);
  afterAll(() => tmp.remove());

  const metrics = () => readFileSync(path.join(tmp.dir, 'run', 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const families = new FamilyRegistry([llamaFamily]);

  it('trains adapters, lowers the held-out loss, publishes a merged plain model; --resume continues', async () => {
    const first = await runCliInProcess(['sft', '--model', 'model', '--data', 'data', '--output', 'run', '--max-steps', '16', '--lora-rank', '4', '--lora-alpha', '8'], tmp.dir);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    const final = path.join(tmp.dir, 'run', 'final');
    for (const file of ['config.json', 'model.safetensors', 'tokenizer.json', 'lora-state.safetensors', 'optimizer.safetensors']) expect(existsSync(path.join(final, file))).toBe(true);
    expect(existsSync(path.join(final, 'adapter_config.json'))).toBe(false);
    const evals = metrics().filter((m) => m.stage === 'sft/eval').map((m) => m.values.validationLoss);
    expect(evals).toHaveLength(4);
    expect(evals.at(-1)).toBeLessThan(evals[0]);
    // q_proj [32 → 32] and v_proj [32 → 16] in 2 layers, rank 4: 2·4·((32+32) + (32+16))
    expect(first.stdout).toMatch(/trainableParams/);
    expect(first.stdout).toContain('896');
    // merged: q_proj/v_proj moved, every other weight is the base model's
    const [base, merged] = await Promise.all([path.join(tmp.dir, 'model'), final].map(async (d) => (await loadModelDirectory(d, families)).weights));
    const same = (name: string) => Array.from(base.get(name)!.data).every((v, i) => v === merged.get(name)!.data[i]);
    expect(same('model.layers.0.self_attn.q_proj.weight')).toBe(false);
    expect(same('model.layers.1.self_attn.v_proj.weight')).toBe(false);
    expect(same('model.layers.0.self_attn.k_proj.weight')).toBe(true);
    expect(same('model.embed_tokens.weight')).toBe(true);

    const resumed = await runCliInProcess(['sft', '--model', 'model', '--data', 'data', '--output', 'run', '--max-steps', '20', '--lora-rank', '4', '--lora-alpha', '8', '--resume'], tmp.dir);
    expect(resumed.code).toBe(0);
    expect(metrics().filter((m) => m.stage === 'sft').map((m) => m.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  }, 120_000);

  it('mergeOnSave false: final/ holds the base weights plus PEFT adapter_config.json and adapter_model.safetensors', async () => {
    tmp.write('unmerged.json', JSON.stringify({
      backend: { name: 'onnx', threads: 1 }, lang: 'vi',
      sft: { learningRate: 2e-2, warmupSteps: 0, microBatchSize: 4, evalEvery: 2, saveEvery: 2, validationSplit: 0.2, maxLength: 96, lora: { mergeOnSave: false } },
    }));
    const result = await runCliInProcess(['sft', '--config', 'unmerged.json', '--model', 'model', '--data', 'data', '--output', 'unmerged', '--max-steps', '2', '--lora-targets', 'o_proj'], tmp.dir);
    expect(result.code).toBe(0);
    const final = path.join(tmp.dir, 'unmerged', 'final');
    expect(JSON.parse(readFileSync(path.join(final, 'adapter_config.json'), 'utf8'))).toMatchObject({
      peft_type: 'LORA', r: 8, lora_alpha: 8, target_modules: ['o_proj'], base_model_name_or_path: path.join(tmp.dir, 'model'),
    });
    expect(existsSync(path.join(final, 'adapter_model.safetensors'))).toBe(true);
    const [base, saved] = await Promise.all([path.join(tmp.dir, 'model'), final].map(async (d) => (await loadModelDirectory(d, families, { adapters: 'ignore' })).weights));
    for (const [name, t] of base) expect(Array.from(saved.get(name)!.data)).toEqual(Array.from(t.data));
    // loaders merge the adapter (test: models/peft), so the old warning that they load the base model is gone
    const loaded = (await loadModelDirectory(final, families)).weights;
    const changed = [...base.keys()].filter((name) => loaded.get(name)!.data.some((v, i) => v !== base.get(name)!.data[i]));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((name) => name.endsWith('o_proj.weight'))).toBe(true);
    expect(result.stderr).not.toContain('as the base model');
  }, 60_000);

  it('rejects an unknown target module, naming the closest one and the model’s linear modules', async () => {
    const result = await runCliInProcess(['sft', '--model', 'model', '--data', 'data', '--output', 'bad', '--lora-targets', 'q_proj,v_prj'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'v_prj' matches no linear module of this llama model. Did you mean 'v_proj'?");
    expect(result.stderr).toContain('q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj, lm_head');
  });
});
