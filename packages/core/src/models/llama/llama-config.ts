import { z } from 'zod';
import type { CommonModelConfig } from '../model-architecture';
import { configError, parseHfConfig } from '../parse-hf-config';

const positiveInt = z.number().int().positive();
const tokenId = z.number().int().nonnegative();

const ropeScalingSchema = z.looseObject({
  type: z.string().optional(),
  rope_type: z.string().optional(),
  factor: z.number().positive().optional(),
  low_freq_factor: z.number().positive().optional(),
  high_freq_factor: z.number().positive().optional(),
  original_max_position_embeddings: positiveInt.optional(),
});

/** HF `LlamaConfig` keys we read; defaults are HF's for keys older checkpoints omit. */
export const llamaHfConfigSchema = z.looseObject({
  model_type: z.literal('llama'),
  vocab_size: positiveInt,
  hidden_size: positiveInt,
  intermediate_size: positiveInt,
  num_hidden_layers: positiveInt,
  num_attention_heads: positiveInt,
  num_key_value_heads: positiveInt.nullish(),
  head_dim: positiveInt.nullish(),
  hidden_act: z.literal('silu', { message: 'only "silu" is supported for llama' }).default('silu'),
  max_position_embeddings: positiveInt.default(2048),
  initializer_range: z.number().positive().default(0.02),
  rms_norm_eps: z.number().positive().default(1e-6),
  rope_theta: z.number().positive().default(10000),
  rope_scaling: ropeScalingSchema.nullish(),
  attention_bias: z.boolean().default(false),
  mlp_bias: z.boolean().default(false),
  tie_word_embeddings: z.boolean().default(false),
  bos_token_id: tokenId.nullish(),
  eos_token_id: z.union([tokenId, z.array(tokenId)]).nullish(),
  pad_token_id: tokenId.nullish(),
});

/** How RoPE frequencies are adjusted for long contexts (HF `rope_scaling`). */
export type RopeScaling =
  | { readonly kind: 'none' }
  | { readonly kind: 'linear'; readonly factor: number }
  | { readonly kind: 'llama3'; readonly factor: number; readonly lowFreqFactor: number; readonly highFreqFactor: number; readonly originalMaxPositions: number };

export interface LlamaConfig extends CommonModelConfig {
  readonly intermediateSize: number;
  readonly rmsNormEps: number;
  readonly ropeTheta: number;
  readonly ropeScaling: RopeScaling;
  readonly attentionBias: boolean;
  readonly mlpBias: boolean;
  /** The parsed HF object (unknown keys kept), written back on save. */
  readonly hf: Readonly<Record<string, unknown>>;
}

/** Parses and checks a LLaMA `config.json`. */
export function parseLlamaConfig(raw: unknown, source = 'config.json'): LlamaConfig {
  const c = parseHfConfig(llamaHfConfigSchema, raw, 'llama', source);
  const numKvHeads = c.num_key_value_heads ?? c.num_attention_heads;
  if (c.num_attention_heads % numKvHeads !== 0) {
    configError('llama', source, `"num_attention_heads" (${c.num_attention_heads}) must be a multiple of "num_key_value_heads" (${numKvHeads})`);
  }
  if (c.head_dim == null && c.hidden_size % c.num_attention_heads !== 0) {
    configError('llama', source, `"hidden_size" (${c.hidden_size}) must be divisible by "num_attention_heads" (${c.num_attention_heads})`);
  }
  const headDim = c.head_dim ?? c.hidden_size / c.num_attention_heads;
  if (headDim % 2 !== 0) configError('llama', source, `the head size (${headDim}) must be even for rotary embeddings`);
  return {
    vocabSize: c.vocab_size,
    hiddenSize: c.hidden_size,
    numLayers: c.num_hidden_layers,
    numHeads: c.num_attention_heads,
    numKvHeads,
    headDim,
    maxPositions: c.max_position_embeddings,
    bosTokenId: c.bos_token_id ?? undefined,
    eosTokenId: c.eos_token_id == null ? undefined : [c.eos_token_id].flat(),
    padTokenId: c.pad_token_id ?? undefined,
    tieWordEmbeddings: c.tie_word_embeddings,
    initializerRange: c.initializer_range,
    intermediateSize: c.intermediate_size,
    rmsNormEps: c.rms_norm_eps,
    ropeTheta: c.rope_theta,
    ropeScaling: parseRopeScaling(c.rope_scaling ?? undefined, source, c.max_position_embeddings),
    attentionBias: c.attention_bias,
    mlpBias: c.mlp_bias,
    hf: c,
  };
}

function parseRopeScaling(s: z.output<typeof ropeScalingSchema> | undefined, source: string, maxPositions: number): RopeScaling {
  const kind = s?.rope_type ?? s?.type ?? 'default';
  if (s === undefined || kind === 'default') return { kind: 'none' };
  const factor = s.factor ?? configError('llama', source, `"rope_scaling.factor" is required for rope type "${kind}"`);
  if (kind === 'linear') return { kind: 'linear', factor };
  if (kind === 'llama3') {
    return {
      kind: 'llama3',
      factor,
      lowFreqFactor: s.low_freq_factor ?? 1,
      highFreqFactor: s.high_freq_factor ?? 4,
      originalMaxPositions: s.original_max_position_embeddings ?? maxPositions,
    };
  }
  return configError('llama', source, `"rope_scaling" type "${kind}" is not supported (supported: default, linear, llama3)`);
}
