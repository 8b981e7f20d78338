import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SafetensorsFile } from '../../checkpoint/safetensors-file';
import { hostTensor } from '../../ir/host-tensor';
import { seededRandom, uniformValues } from '../../ir/check/seeded-random';
import { FamilyRegistry } from '../../models/family-registry';
import { llamaFamily } from '../../models/llama';
import { loadModelDirectory } from '../../models/model-directory';
import { initParameters, type ModelWeights } from '../../models/parameter-init';
import { ADAPTER_CONFIG_FILE, ADAPTER_WEIGHTS_FILE, LORA_STATE_FILE, loadLoraAdapters, saveLoraModelDirectory } from './lora-files';
import { loraParameterSpecs, planLora } from './lora-plan';

const hf = { model_type: 'llama', vocab_size: 23, hidden_size: 8, intermediate_size: 12, num_hidden_layers: 2, num_attention_heads: 2, tie_word_embeddings: false };
const arch = llamaFamily.architecture(hf);
const families = new FamilyRegistry([llamaFamily]);

describe(saveLoraModelDirectory.name, () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'okapi-lora-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const base = initParameters(arch.parameters(), 1);
  const adaptersFor = (plan: ReturnType<typeof planLora>): ModelWeights => {
    const random = seededRandom(4);
    return new Map(loraParameterSpecs(plan).map((s) => [s.name, hostTensor('float32', [...s.shape], uniformValues(random, s.shape[0]! * s.shape[1]!))]));
  };

  it('mergeOnSave: a plain HF directory whose q_proj is W + (alpha/r)·B·A, adapters kept only for resume', async () => {
    const plan = planLora(arch, { rank: 2, alpha: 6, dropout: 0, mergeOnSave: true, targetModules: ['q_proj'] });
    const adapters = adaptersFor(plan);
    await saveLoraModelDirectory(dir, arch, base, adapters, plan, '/models/base');
    expect(existsSync(path.join(dir, ADAPTER_CONFIG_FILE))).toBe(false);
    const loaded = await loadModelDirectory(dir, families);
    const name = 'model.layers.1.self_attn.q_proj.weight';
    const [w, a, b] = [base.get(name)!.data, adapters.get('model.layers.1.self_attn.q_proj.lora_A.weight')!.data, adapters.get('model.layers.1.self_attn.q_proj.lora_B.weight')!.data];
    // element (o = 3, i = 5): w + 3·(b[3,0]·a[0,5] + b[3,1]·a[1,5])
    expect(loaded.weights.get(name)!.data[3 * 8 + 5]).toBeCloseTo(w[29]! + 3 * (b[6]! * a[5]! + b[7]! * a[13]!), 6);
    expect(Array.from(loaded.weights.get('model.layers.1.self_attn.k_proj.weight')!.data)).toEqual(Array.from(base.get('model.layers.1.self_attn.k_proj.weight')!.data));
    expect(existsSync(path.join(dir, LORA_STATE_FILE))).toBe(true);
    expect([...(await loadLoraAdapters(dir))!.keys()].sort()).toEqual([...adapters.keys()].sort());
  });

  it("unmerged: the base weights plus PEFT's adapter_config.json and adapter_model.safetensors (PEFT key names)", async () => {
    const plan = planLora(arch, { rank: 2, alpha: 4, dropout: 0.1, mergeOnSave: false, targetModules: ['q_proj', 'v_proj'] });
    const adapters = adaptersFor(plan);
    await saveLoraModelDirectory(dir, arch, base, adapters, plan, '/models/base');
    const config = JSON.parse(readFileSync(path.join(dir, ADAPTER_CONFIG_FILE), 'utf8'));
    expect(config).toMatchObject({ peft_type: 'LORA', task_type: 'CAUSAL_LM', r: 2, lora_alpha: 4, lora_dropout: 0.1, target_modules: ['q_proj', 'v_proj'], base_model_name_or_path: '/models/base' });
    const file = await SafetensorsFile.open(path.join(dir, ADAPTER_WEIGHTS_FILE));
    try {
      expect(file.names).toContain('base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight');
      expect(file.entry('base_model.model.model.layers.0.self_attn.v_proj.lora_B.weight')!.shape).toEqual([8, 2]);
      expect(file.names).toHaveLength(8);
    } finally {
      await file.close();
    }
    // model.safetensors holds the base weights unchanged (loaders merge the adapter unless told not to)
    const loaded = await loadModelDirectory(dir, families, { adapters: 'ignore' });
    for (const [name, t] of base) expect(Array.from(loaded.weights.get(name)!.data)).toEqual(Array.from(t.data));
    const reread = (await loadLoraAdapters(dir))!;
    for (const [name, t] of adapters) expect(Array.from(reread.get(name)!.data as Float32Array)).toEqual(Array.from(t.data));
  });

  it('finds no adapters in a plain model directory', async () => {
    expect(await loadLoraAdapters(dir)).toBeUndefined();
  });
});
