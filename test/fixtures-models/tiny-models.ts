// Tiny random models for tests (transformers.js `tiny-random-*` practice): HF configs, seeded weights.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bloomFamily, initParameters, llamaFamily, parametersWithHead, saveModelDirectory,
  type ModelArchitecture, type ModelFamilyDescriptor, type ModelWeights,
} from '@okapi/core';

/** 6 heads: a non-power-of-two count, so ALiBi's extra slopes are exercised. */
export function tinyBloomConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model_type: 'bloom', architectures: ['BloomForCausalLM'], vocab_size: 61, hidden_size: 24, n_layer: 2, n_head: 6,
    layer_norm_epsilon: 1e-5, initializer_range: 0.3, bos_token_id: 1, eos_token_id: 2, pad_token_id: 3, ...overrides,
  };
}

/** 4 query heads over 2 KV heads: grouped-query attention. */
export function tinyLlamaConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model_type: 'llama', architectures: ['LlamaForCausalLM'], vocab_size: 53, hidden_size: 32, intermediate_size: 40,
    num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, rms_norm_eps: 1e-6, rope_theta: 10000,
    max_position_embeddings: 128, initializer_range: 0.3, bos_token_id: 1, eos_token_id: 2, tie_word_embeddings: false, ...overrides,
  };
}

export interface TinyModel {
  readonly family: ModelFamilyDescriptor;
  readonly arch: ModelArchitecture;
  readonly weights: ModelWeights;
}

/** A random model; `head` adds the score or value head parameters. Norm scales/biases are randomised
 * too (HF inits them to 1/0), so tests catch a swapped or ignored norm parameter. */
export function tinyModel(hfConfig: Record<string, unknown>, seed = 0, head: 'lm' | 'score' | 'value' = 'lm'): TinyModel {
  const family = hfConfig.model_type === 'bloom' ? bloomFamily : llamaFamily;
  const arch = family.architecture(hfConfig);
  const specs = parametersWithHead(arch, head).map((s) => (s.init.kind === 'normal' ? s : { ...s, init: { kind: 'normal' as const, std: 0.2 } }));
  const weights = initParameters(specs, seed);
  for (const s of specs) if (s.name.endsWith('norm.weight') || s.name.endsWith('layernorm.weight') || s.name.endsWith('ln_f.weight')) {
    const t = weights.get(s.name)!;
    t.data.forEach((v, i) => (t.data[i] = 1 + v));
  }
  return { family, arch, weights };
}

/** Saves a tiny model as an HF directory in a fresh temp folder; returns the folder. */
export async function saveTinyModel(model: TinyModel, prefix = 'okapi-tiny-'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  await saveModelDirectory(dir, model.arch, model.weights);
  return dir;
}
