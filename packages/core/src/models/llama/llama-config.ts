import { z } from 'zod';
import type { CommonModelConfig } from '../model-architecture';
import { configError, parseHfConfig } from '../parse-hf-config';
import { parseRope, ropeParametersSchema, type RopeScaling } from './llama-rope-scaling';

export type { RopeScaling } from './llama-rope-scaling';

const positiveInt = z.number().int().positive();
const tokenId = z.number().int().nonnegative();

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
  // no default here: transformers 5 moved theta into rope_parameters (see parseRope)
  rope_theta: z.number().positive().optional(),
  rope_scaling: ropeParametersSchema.nullish(),
  rope_parameters: ropeParametersSchema.nullish(),
  original_max_position_embeddings: positiveInt.optional(),
  attention_bias: z.boolean().default(false),
  mlp_bias: z.boolean().default(false),
  tie_word_embeddings: z.boolean().default(false),
  bos_token_id: tokenId.nullish(),
  eos_token_id: z.union([tokenId, z.array(tokenId)]).nullish(),
  pad_token_id: tokenId.nullish(),
});

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
  const rope = parseRope(c, headDim, source);
  return {
    vocabSize: c.vocab_size,
    hiddenSize: c.hidden_size,
    numLayers: c.num_hidden_layers,
    numHeads: c.num_attention_heads,
    numKvHeads,
    headDim,
    maxPositions: contextWindow(c.max_position_embeddings, rope.scaling),
    bosTokenId: c.bos_token_id ?? undefined,
    eosTokenId: c.eos_token_id == null ? undefined : [c.eos_token_id].flat(),
    padTokenId: c.pad_token_id ?? undefined,
    tieWordEmbeddings: c.tie_word_embeddings,
    initializerRange: c.initializer_range,
    intermediateSize: c.intermediate_size,
    rmsNormEps: c.rms_norm_eps,
    ropeTheta: rope.theta,
    ropeScaling: rope.scaling,
    attentionBias: c.attention_bias,
    mlpBias: c.mlp_bias,
    hf: c,
  };
}

/**
 * Dynamic NTK exists to run past max_position_embeddings (HF rescales the base there), so its usable
 * window is factor × that; every other type already states its window in max_position_embeddings.
 */
function contextWindow(maxPositions: number, scaling: RopeScaling): number {
  return scaling.kind === 'dynamic' ? Math.floor(maxPositions * Math.max(scaling.factor, 1)) : maxPositions;
}
