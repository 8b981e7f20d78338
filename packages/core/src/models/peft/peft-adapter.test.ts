import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seededRandom, uniformValues } from '../../ir/check/seeded-random';
import { hostTensor } from '../../ir/host-tensor';
import { saveLoraModelDirectory } from '../../trainers/lora/lora-files';
import { loraParameterSpecs, planLora } from '../../trainers/lora/lora-plan';
import { MemoryLogger } from '../../util/logger';
import { bloomFamily } from '../bloom';
import { FamilyRegistry } from '../family-registry';
import { buildCausalLmGraph } from '../graph/build-graphs';
import { llamaFamily } from '../llama';
import type { ModelArchitecture } from '../model-architecture';
import { loadModelDirectory, saveModelDirectory } from '../model-directory';
import { initParameters, type ModelWeights } from '../parameter-init';
import { ADAPTER_CONFIG_FILE, ADAPTER_WEIGHTS_FILE } from './peft-layout';
import { adaptedGraph, bloom, ids, llama, logits } from '../../trainers/lora/__tests__/adapted-models';

const families = new FamilyRegistry([llamaFamily, bloomFamily]);

const plainLogits = (arch: ModelArchitecture, weights: ModelWeights) => logits(buildCausalLmGraph(arch, { batch: 1, seq: ids.length }), weights);
const expectClose = (actual: readonly number[], expected: readonly number[], tolerance: number) => {
  expect(actual).toHaveLength(expected.length);
  expect(Math.max(...actual.map((v, i) => Math.abs(v - expected[i]!)))).toBeLessThan(tolerance);
};

describe('loading a directory with a PEFT LoRA adapter', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'okapi-peft-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const setup = (arch: ModelArchitecture, targetModules?: string[]) => {
    const plan = planLora(arch, { rank: 3, alpha: 5, dropout: 0, mergeOnSave: false, targetModules });
    const base = initParameters(arch.parameters(), 5);
    const random = seededRandom(9);
    const adapters: ModelWeights = new Map(loraParameterSpecs(plan).map((s) => [s.name, hostTensor('float32', [...s.shape], uniformValues(random, s.shape[0]! * s.shape[1]!, -0.5, 0.5))]));
    return { plan, base, adapters };
  };
  const config = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const editConfig = (adapterDir: string, change: Record<string, unknown>) => {
    const file = path.join(adapterDir, ADAPTER_CONFIG_FILE);
    writeFileSync(file, JSON.stringify({ ...config(file), ...change }));
  };

  it.each([
    ['llama', llama, ['q_proj', 'v_proj', 'down_proj', 'lm_head']],
    ['bloom', bloom, undefined],
  ] as const)('%s: an unmerged save loads with the adapted model\'s logits (1e-5), and says it merged', async (_, arch, targets) => {
    const { plan, base, adapters } = setup(arch, targets === undefined ? undefined : [...targets]);
    await saveLoraModelDirectory(dir, arch, base, adapters, plan, '/nowhere/base');
    const logger = new MemoryLogger();
    const loaded = await loadModelDirectory(dir, families, { logger });
    const expected = await logits(adaptedGraph(arch, plan), new Map([...base, ...adapters]));
    expectClose(await plainLogits(loaded.arch, loaded.weights), expected, 1e-5);
    // and the adapter matters: the base model's logits are far from them
    expect(Math.max(...(await plainLogits(arch, base)).map((v, i) => Math.abs(v - expected[i]!)))).toBeGreaterThan(1e-3);
    expect(logger.messages.map((m) => m.message).join('\n')).toContain(`merged its PEFT LoRA adapter (${plan.targets.length} modules, r 3, alpha 5`);
    // the same directory as the base weights, when asked to leave the adapter out (LoRA resume)
    const ignored = await loadModelDirectory(dir, families, { adapters: 'ignore' });
    for (const [name, t] of base) expect(ignored.weights.get(name)!.data).toEqual(t.data);
  });

  it('an adapter-only directory loads on the local base its adapter_config.json names (relative to the adapter)', async () => {
    const { plan, base, adapters } = setup(llama, ['q_proj', 'o_proj']);
    const full = path.join(dir, 'full');
    await saveLoraModelDirectory(full, llama, base, adapters, plan, 'ignored');
    await saveModelDirectory(path.join(dir, 'base'), llama, base);
    const adapterOnly = path.join(dir, 'adapter');
    mkdirSync(adapterOnly);
    for (const file of [ADAPTER_CONFIG_FILE, ADAPTER_WEIGHTS_FILE]) copyFileSync(path.join(full, file), path.join(adapterOnly, file));
    editConfig(adapterOnly, { base_model_name_or_path: '../base' });
    const loaded = await loadModelDirectory(adapterOnly, families);
    expectClose(await plainLogits(llama, loaded.weights), await logits(adaptedGraph(llama, plan), new Map([...base, ...adapters])), 1e-5);

    editConfig(adapterOnly, { base_model_name_or_path: 'meta-llama/Llama-2-7b-hf' });
    await expect(loadModelDirectory(adapterOnly, families)).rejects.toThrow(`${adapterOnly} holds a PEFT adapter only, and its base model 'meta-llama/Llama-2-7b-hf' is not a local model directory`);
  });

  it('use_rslora scales by alpha/√r, as PEFT does', async () => {
    const { plan, base, adapters } = setup(llama, ['q_proj']);
    await saveLoraModelDirectory(dir, llama, base, adapters, plan);
    editConfig(dir, { use_rslora: true });
    const loaded = await loadModelDirectory(dir, families);
    const [w, a, b] = ['weight', 'lora_A.weight', 'lora_B.weight'].map((n) => (n === 'weight' ? base : adapters).get(`model.layers.1.self_attn.q_proj.${n}`)!.data);
    // element (o = 2, i = 6) of W + (5/√3)·B·A, B [8, 3], A [3, 8]
    const hand = w![2 * 8 + 6]! + (5 / Math.sqrt(3)) * (b![6]! * a![6]! + b![7]! * a![14]! + b![8]! * a![22]!);
    expect(loaded.weights.get('model.layers.1.self_attn.q_proj.weight')!.data[2 * 8 + 6]).toBeCloseTo(hand, 6);
  });

  it.each([
    [{ peft_type: 'IA3' }, 'peft_type "IA3" is not supported; Okapi.ts applies LoRA adapters only'],
    [{ use_dora: true }, "DoRA (weight-decomposed LoRA) adapters are not supported ('use_dora': true)"],
    [{ rank_pattern: { q_proj: 4 } }, "per-module ranks (rank_pattern) are not supported ('rank_pattern': {\"q_proj\":4})"],
    [{ modules_to_save: ['lm_head'] }, "are not supported ('modules_to_save': [\"lm_head\"])"],
    [{ r: 4 }, "'model.layers.0.self_attn.q_proj' has A [3, 8] and B [8, 3]; r 4"],
  ])('refuses what it cannot apply, saying which field: %j', async (change, message) => {
    const { plan, base, adapters } = setup(llama, ['q_proj']);
    await saveLoraModelDirectory(dir, llama, base, adapters, plan);
    editConfig(dir, change);
    const error = await loadModelDirectory(dir, families).catch((e: unknown) => e as Error);
    expect(error.message).toContain(message);
  });

  it('refuses an adapter whose modules the model does not have', async () => {
    const { plan, base, adapters } = setup(llama, ['q_proj']);
    await saveLoraModelDirectory(dir, llama, base, adapters, plan);
    const smaller = llamaFamily.architecture({ model_type: 'llama', vocab_size: 23, hidden_size: 8, intermediate_size: 12, num_hidden_layers: 1, num_attention_heads: 2, num_key_value_heads: 1, tie_word_embeddings: false });
    await saveModelDirectory(dir, smaller, initParameters(smaller.parameters(), 1));
    await expect(loadModelDirectory(dir, families)).rejects.toThrow("the adapter names module 'model.layers.1.self_attn.q_proj', which this model has no linear weight");
  });
});
