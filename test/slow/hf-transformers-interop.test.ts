// Okapi.ts ⇄ real Hugging Face transformers: directories Okapi.ts saves load in transformers with no
// missing / unexpected keys and the same logits, scores and token ids; directories transformers saves
// (single file and sharded) load in Okapi.ts with the same logits; rope tables match transformers'
// own functions. Needs torch + transformers (scripts/setup-hf-reference.sh, or OKAPI_PYTHON).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CausalLmRunner, FamilyRegistry, ResidentWeights, bloomFamily, createGraph, graphNames, hostTensor, traceRewardScores,
  llamaFamily, loadModelDirectory, loadRewardModelDirectory, loadTokenizer, parseLlamaConfig,
  rewardModelParameters, ropeAttentionFactor, ropeInverseFrequencies, saveModelDirectory, saveRewardModelDirectory,
  type LoadedModel, type StorageDType,
} from '@okapi/core';
import type { OnnxBackend } from '@okapi/backend-onnx';
import { tinyBloomConfig, tinyLlamaConfig, tinyModel } from '../fixtures-models/tiny-models';
import { writeTinyLlamaDirectory } from '../helpers/tiny-model-dir';
import { createOnnxTestBackend, type OnnxTestBackend } from '../models/onnx-test-backend';
import { worstLogitError, type TokenBatchJson } from '../models/torch-reference';
import { findHfPython, runHfTasks, type HfRun, type HfTask } from './hf-transformers-python';

const hf = findHfPython();
const describeHf = hf.python !== undefined ? describe : (name: string, fn: () => void) => describe.skip(`${name} (skipped: ${hf.reason})`, fn);
if (hf.python === undefined) console.warn(`hf-transformers-interop skipped: ${hf.reason}`); // jest lists no names of skipped suites
const families = new FamilyRegistry([llamaFamily, bloomFamily]);

const shortBatch: TokenBatchJson = {
  input_ids: [[5, 6, 7, 8, 9, 10, 11], [0, 0, 0, 41, 42, 43, 50]],
  attention_mask: [[1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 1, 1, 1, 1]],
};
/** Positions reach 11: past the 8 positions of the rope-scaling cases (dynamic grows, longrope goes long). */
const longBatch: TokenBatchJson = {
  input_ids: [[5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [0, 0, 0, 0, 0, 20, 21, 22, 23, 24, 25, 26]],
  attention_mask: [new Array(12).fill(1), [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]],
};
/** Full, left-padded and right-padded rows (pad id 0): the score is read at each row's last real token. */
const rmBatch: TokenBatchJson = {
  input_ids: [[5, 6, 7, 8, 9, 10], [0, 0, 31, 32, 33, 34], [41, 42, 43, 44, 0, 0]],
  attention_mask: [[1, 1, 1, 1, 1, 1], [0, 0, 1, 1, 1, 1], [1, 1, 1, 1, 0, 0]],
};

const ropeCases: Record<string, Record<string, unknown>> = {
  'llama3': { rope_scaling: { rope_type: 'llama3', factor: 8, low_freq_factor: 1, high_freq_factor: 4, original_max_position_embeddings: 16 } },
  'linear, theta 500000': { rope_theta: 500000, rope_scaling: { type: 'linear', factor: 4 } },
  'dynamic NTK': { max_position_embeddings: 8, rope_scaling: { type: 'dynamic', factor: 2 } },
  'yarn': { max_position_embeddings: 32, rope_scaling: { rope_type: 'yarn', factor: 4, original_max_position_embeddings: 8 } },
  'yarn (beta, mscale, no truncate)': {
    max_position_embeddings: 32,
    rope_scaling: { rope_type: 'yarn', factor: 4, original_max_position_embeddings: 8, beta_fast: 8, beta_slow: 2, mscale: 0.8, mscale_all_dim: 0.4, truncate: false },
  },
  'longrope': {
    max_position_embeddings: 32,
    rope_scaling: { rope_type: 'longrope', short_factor: [1, 1.5, 2, 3], long_factor: [2, 4, 8, 16], original_max_position_embeddings: 8 },
  },
};

interface SavedCase {
  readonly label: string;
  readonly config: Record<string, unknown>;
  readonly dtype: StorageDType;
  readonly batches: readonly TokenBatchJson[];
}

const savedCases: SavedCase[] = [
  { label: 'llama GQA, untied head, f32', config: tinyLlamaConfig(), dtype: 'F32', batches: [shortBatch] },
  { label: 'llama GQA, tied head, bf16', config: tinyLlamaConfig({ tie_word_embeddings: true }), dtype: 'BF16', batches: [shortBatch] },
  ...Object.entries(ropeCases).map(([rope, overrides], i) => ({
    label: `llama rope ${rope}, ${i % 2 === 0 ? 'f32' : 'bf16'}`, config: tinyLlamaConfig(overrides),
    dtype: (i % 2 === 0 ? 'F32' : 'BF16') as StorageDType, batches: [shortBatch, longBatch],
  })),
  { label: 'bloom, f32', config: tinyBloomConfig(), dtype: 'F32', batches: [shortBatch] },
  { label: 'bloom, bf16', config: tinyBloomConfig(), dtype: 'BF16', batches: [shortBatch] },
  { label: 'bloom, f16', config: tinyBloomConfig({ tie_word_embeddings: false }), dtype: 'F16', batches: [shortBatch] },
];

const tokenizerTexts = ['Hello world', 'Xin chào thế giới!', '  two leading spaces\nand a newline', 'inner  double space', 'emoji 🦙 and 中文', 'numbers 12345, 6.78'];

const hfLlama = { vocab_size: 53, hidden_size: 32, intermediate_size: 40, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, max_position_embeddings: 32, bos_token_id: 1, eos_token_id: 2 };
const hfSavedCases: { label: string; family: 'llama' | 'bloom'; config: Record<string, unknown>; shard?: string; dtype?: 'bfloat16' }[] = [
  { label: 'LlamaForCausalLM, GQA, rope_parameters with theta 500000 + linear', family: 'llama', config: { ...hfLlama, rope_theta: 500000, rope_scaling: { rope_type: 'linear', factor: 2 } } },
  { label: 'LlamaForCausalLM, bf16, longrope', family: 'llama', dtype: 'bfloat16', config: { ...hfLlama, rope_scaling: { rope_type: 'longrope', short_factor: [1, 2, 3, 4], long_factor: [4, 5, 6, 7], original_max_position_embeddings: 4 } } },
  { label: 'LlamaForCausalLM, tied, yarn, sharded', family: 'llama', config: { ...hfLlama, tie_word_embeddings: true, rope_scaling: { rope_type: 'yarn', factor: 4, original_max_position_embeddings: 8 } }, shard: '20KB' },
  { label: 'BloomForCausalLM', family: 'bloom', config: { vocab_size: 61, hidden_size: 24, n_layer: 2, n_head: 6 } },
  { label: 'BloomForCausalLM, sharded', family: 'bloom', config: { vocab_size: 61, hidden_size: 24, n_layer: 2, n_head: 6 }, shard: '20KB' },
];

const ropeTableBase = { vocab_size: 10, hidden_size: 64, intermediate_size: 8, num_hidden_layers: 1, num_attention_heads: 4, max_position_embeddings: 32 };
const ropeTableConfigs: Record<string, Record<string, unknown>> = {
  'default': {},
  'linear': { rope_scaling: { rope_type: 'linear', factor: 4 } },
  'dynamic': { rope_theta: 500000, rope_scaling: { rope_type: 'dynamic', factor: 3 } },
  'llama3': { rope_scaling: { rope_type: 'llama3', factor: 8, low_freq_factor: 1, high_freq_factor: 4, original_max_position_embeddings: 16 } },
  'yarn': { rope_scaling: { rope_type: 'yarn', factor: 4, original_max_position_embeddings: 8 } },
  'yarn, beta/mscale/no truncate': { rope_scaling: { rope_type: 'yarn', factor: 4, original_max_position_embeddings: 8, beta_fast: 16, beta_slow: 2, mscale: 0.7, mscale_all_dim: 0.3, truncate: false } },
  'yarn, attention_factor given': { rope_scaling: { rope_type: 'yarn', factor: 2, original_max_position_embeddings: 16, attention_factor: 0.9 } },
  'longrope': { rope_scaling: { rope_type: 'longrope', short_factor: [1, 1.1, 1.2, 1.5, 2, 2.5, 3, 4], long_factor: [2, 3, 4, 6, 8, 12, 16, 32], original_max_position_embeddings: 8 } },
  'longrope, factor given': { rope_scaling: { rope_type: 'longrope', factor: 16, short_factor: [1, 1, 1, 1, 1, 1, 1, 1], long_factor: [1, 2, 3, 4, 5, 6, 7, 8], original_max_position_embeddings: 8 } },
};

const torchDType: Record<StorageDType, string> = { F32: 'torch.float32', F16: 'torch.float16', BF16: 'torch.bfloat16' };

describeHf('Hugging Face transformers interop', () => {
  let t: OnnxTestBackend;
  let root = '';
  let run: HfRun;
  const tasks: HfTask[] = [];
  const dirs = new Map<string, string>();
  const taskIndex = new Map<string, number>();
  const result = <T>(key: string): T => run.results[taskIndex.get(key)!] as T;
  const addTask = (key: string, task: HfTask) => { taskIndex.set(key, tasks.length); tasks.push(task); };
  const newDir = (name: string) => { const dir = join(root, name.replace(/[^a-z0-9]+/gi, '-')); dirs.set(name, dir); return dir; };

  beforeAll(async () => {
    t = await createOnnxTestBackend();
    root = mkdtempSync(join(tmpdir(), 'okapi-hf-interop-'));
    for (const [i, c] of savedCases.entries()) {
      const model = tinyModel(c.config, 10 + i);
      const dir = newDir(c.label);
      await saveModelDirectory(dir, model.arch, model.weights, { dtype: c.dtype });
      c.batches.forEach((batch, b) => addTask(`${c.label}/${b}`, { kind: 'causal_lm', dir, ...batch }));
      addTask(`${c.label}/generation`, { kind: 'generation_config', dir });
    }
    await saveRewardModels(addTask, newDir);
    await saveTokenizers(addTask, newDir);
    addHfSavedModels(addTask, newDir);
    addRopeTables(addTask);
    for (const rope of ['dynamic NTK', 'longrope']) {
      addTask(`generate/${rope}`, { kind: 'generate', dir: dirs.get(savedCases.find((c) => c.label.startsWith(`llama rope ${rope},`))!.label)!, prompt: [5, 6, 7, 8, 9], max_new_tokens: 9 });
    }
    run = runHfTasks(hf.python!, root, tasks);
  }, 600_000);

  afterAll(async () => {
    await t?.dispose();
    if (root !== '') rmSync(root, { recursive: true, force: true });
  });

  describe('directories saved by Okapi.ts load in AutoModelForCausalLM', () => {
    it.each(savedCases.map((c) => [c.label, c] as const))('%s: no missing/unexpected keys, same logits (1e-4)', async (_label, c) => {
      const loaded = await loadModelDirectory(dirs.get(c.label)!, families);
      for (const [b, batch] of c.batches.entries()) {
        const r = result<{ class: string; loading: Record<string, string[]>; config_dtype: string; logits: number[][][] }>(`${c.label}/${b}`);
        expect(r.class).toBe(c.config.model_type === 'bloom' ? 'BloomForCausalLM' : 'LlamaForCausalLM');
        expect(r.loading).toEqual({ missing_keys: [], unexpected_keys: [], mismatched_keys: [], error_msgs: [] });
        expect(r.config_dtype).toBe(torchDType[c.dtype]);
        expect(await worstLogitError(t.backend, loaded.arch, loaded.weights, batch, r.logits)).toBeLessThan(1e-4);
      }
    }, 120_000);

    it('writes a generation_config.json that GenerationConfig parses, with the special token ids of config.json', () => {
      for (const c of savedCases) {
        expect(result(`${c.label}/generation`)).toMatchObject({ bos_token_id: c.config.bos_token_id, eos_token_id: c.config.eos_token_id });
      }
    });
  });

  describe('reward models saved by the RM stage load in AutoModelForSequenceClassification', () => {
    it.each(['llama', 'bloom'])('%s: score.weight is HF\'s head, same scores for full, left- and right-padded rows', async (family) => {
      const r = result<{ class: string; loading: Record<string, string[]>; num_labels: number; scores: number[] }>(`rm/${family}`);
      expect(r.class).toBe(family === 'llama' ? 'LlamaForSequenceClassification' : 'BloomForSequenceClassification');
      expect(r.loading).toEqual({ missing_keys: [], unexpected_keys: [], mismatched_keys: [], error_msgs: [] });
      expect(r.num_labels).toBe(1);
      const ours = await rewardScores(t.backend, await loadRewardModelDirectory(dirs.get(`rm/${family}`)!, families), rmBatch);
      ours.forEach((s, i) => expect(Math.abs(s - r.scores[i])).toBeLessThan(1e-4));
    }, 60_000);
  });

  describe('tokenizer folders saved by Okapi.ts load in AutoTokenizer', () => {
    it('trained byte-level BPE: same ids for every text', async () => {
      const r = result<{ ids: number[][] }>('tokenizer/trained byte-level BPE');
      const ours = await loadTokenizer(dirs.get('tokenizer/trained byte-level BPE')!);
      for (const [i, text] of tokenizerTexts.entries()) expect(await ours.encode(text)).toEqual(r.ids[i]);
    });

    it('LLaMA tokenizer re-saved by Okapi.ts: transformers encodes as with the original files, and as we do', async () => {
      const resaved = result<{ class: string; ids: number[][] }>('tokenizer/LLaMA fixture tokenizer, re-saved');
      const original = result<{ ids: number[][] }>('tokenizer/LLaMA fixture tokenizer, original');
      expect(resaved.class).toBe('LlamaTokenizer');
      expect(resaved.ids).toEqual(original.ids);
      const ours = await loadTokenizer(dirs.get('tokenizer/LLaMA fixture tokenizer, re-saved')!);
      for (const [i, text] of tokenizerTexts.entries()) {
        // transformers 5's LlamaTokenizer drops one "▁" before leading spaces, also on the original files,
        // where transformers 4 (the fixture's cases.out, which we match) and tokenizer.json itself keep it
        if (/^\s/.test(text)) continue;
        expect(await ours.encode(text)).toEqual(resaved.ids[i]);
      }
    });
  });

  describe('directories saved by transformers load in Okapi.ts', () => {
    it.each(hfSavedCases.map((c) => [c.label] as const))('%s: same logits (1e-4)', async (label) => {
      const loaded = await loadModelDirectory(dirs.get(`hf/${label}`)!, families);
      const r = result<{ logits: number[][][] }>(`hf/${label}`);
      expect(await worstLogitError(t.backend, loaded.arch, loaded.weights, shortBatch, r.logits)).toBeLessThan(1e-4);
    }, 60_000);
  });

  describe('rope tables equal transformers\' own rope functions', () => {
    it.each(Object.keys(ropeTableConfigs))('%s: inv_freq and attention factor at every sequence length', (name) => {
      const r = result<{ tables: { seq_len: number | null; inv_freq: number[]; attention_factor: number }[] }>(`rope/${name}`);
      const c = parseLlamaConfig({ model_type: 'llama', ...ropeTableBase, ...ropeTableConfigs[name] });
      for (const table of r.tables) {
        const ours = ropeInverseFrequencies(c.headDim, c.ropeTheta, c.ropeScaling, table.seq_len ?? undefined);
        table.inv_freq.forEach((f, i) => expect(Math.abs(ours[i] - f)).toBeLessThanOrEqual(2e-6 * f));
        expect(ropeAttentionFactor(c.ropeScaling)).toBeCloseTo(table.attention_factor, 6);
      }
    });
  });

  describe('KV-cache decoding past the original length follows transformers generate', () => {
    it.each(['dynamic NTK', 'longrope'])('%s: every step\'s logits match (HF recomputes inv_freq per step; so does our decode graph)', async (rope) => {
      const c = savedCases.find((s) => s.label.startsWith(`llama rope ${rope},`))!;
      const r = result<{ ids: number[]; logits: number[][] }>(`generate/${rope}`);
      const loaded = await loadModelDirectory(dirs.get(c.label)!, families);
      const runner = CausalLmRunner.create(t.backend, loaded.arch, loaded.weights, 16);
      let logits = await runner.prefill({ inputIds: [[5, 6, 7, 8, 9]], attentionMask: [[1, 1, 1, 1, 1]] }, r.ids.length);
      for (const [step, id] of r.ids.entries()) {
        const worst = Math.max(...r.logits[step].map((v, k) => Math.abs(v - logits[0][k])));
        expect(worst).toBeLessThan(1e-4);
        if (step < r.ids.length - 1) logits = await runner.decode([id]); // HF's token, so near-ties cannot diverge
      }
      await runner.dispose();
    }, 60_000);
  });
});

async function saveRewardModels(addTask: (key: string, task: HfTask) => void, newDir: (name: string) => string): Promise<void> {
  for (const [family, config] of [['llama', tinyLlamaConfig({ pad_token_id: 0 })], ['bloom', tinyBloomConfig({ pad_token_id: 0 })]] as const) {
    const model = tinyModel(config, 21, 'score');
    const kept = new Set(rewardModelParameters(model.arch).map((s) => s.name)); // what the RM stage trains and saves
    const weights = new Map([...model.weights].filter(([name]) => kept.has(name)));
    const dir = newDir(`rm/${family}`);
    await saveRewardModelDirectory(dir, model.arch, weights, 0);
    addTask(`rm/${family}`, { kind: 'sequence_classification', dir, ...rmBatch });
  }
}

async function saveTokenizers(addTask: (key: string, task: HfTask) => void, newDir: (name: string) => string): Promise<void> {
  const trained = newDir('tokenizer/trained byte-level BPE');
  await writeTinyLlamaDirectory(trained, [...tokenizerTexts, 'the quick brown fox jumps over the lazy dog'], 300);
  const resaved = newDir('tokenizer/LLaMA fixture tokenizer, re-saved');
  await (await loadTokenizer(join(__dirname, '../../../shared/fixtures/models/tiny-random-llama-onnx'))).save(resaved);

  const original = join(__dirname, '../../../shared/fixtures/models/tiny-random-llama-onnx');
  for (const [name, dir] of [['trained byte-level BPE', trained], ['LLaMA fixture tokenizer, re-saved', resaved], ['LLaMA fixture tokenizer, original', original]]) {
    addTask(`tokenizer/${name}`, { kind: 'tokenizer', dir, texts: tokenizerTexts });
  }
}

function addHfSavedModels(addTask: (key: string, task: HfTask) => void, newDir: (name: string) => string): void {
  for (const [i, c] of hfSavedCases.entries()) {
    const shard = c.shard === undefined ? {} : { max_shard_size: c.shard };
    const dtype = c.dtype === undefined ? {} : { dtype: c.dtype };
    addTask(`hf/${c.label}`, { kind: 'save_random', family: c.family, config: c.config, dir: newDir(`hf/${c.label}`), seed: 30 + i, ...shard, ...dtype, ...shortBatch });
  }
}

function addRopeTables(addTask: (key: string, task: HfTask) => void): void {
  for (const [name, overrides] of Object.entries(ropeTableConfigs)) {
    addTask(`rope/${name}`, { kind: 'rope_tables', config: { ...ropeTableBase, ...overrides }, seq_lens: [null, 8, 9, 32, 33, 100, 1000] });
  }
}

/** Our reward-model scores: the sequence-classification graph on the ONNX backend. */
async function rewardScores(backend: OnnxBackend, model: LoadedModel, batch: TokenBatchJson): Promise<number[]> {
  const [b, s] = [batch.input_ids.length, batch.input_ids[0].length];
  const resident = ResidentWeights.upload(backend, model.weights);
  const g = createGraph('reward-scores');
  g.output(graphNames.scores, traceRewardScores(g, model.arch).scores); // the RM stage's graph: no lm_head
  const session = await backend.compile(g, { dims: { batch: b, seq: s } });
  const feeds = {
    [graphNames.inputIds]: backend.upload(hostTensor('int64', [b, s], batch.input_ids.flat())),
    [graphNames.attentionMask]: backend.upload(hostTensor('int64', [b, s], batch.attention_mask.flat())),
  };
  const out = await session.run({ ...resident.tensors, ...feeds });
  const scores = [...(await backend.download(out[graphNames.scores])).data as Float32Array];
  [...Object.values(feeds), ...Object.values(out)].forEach((x) => x.dispose());
  await session.dispose();
  resident.dispose();
  return scores;
}
