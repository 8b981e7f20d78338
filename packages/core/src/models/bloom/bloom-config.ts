import { z } from 'zod';
import type { CommonModelConfig } from '../model-architecture';
import { configError, parseHfConfig } from '../parse-hf-config';

const positiveInt = z.number().int().positive();
const tokenId = z.number().int().nonnegative();

/** HF `BloomConfig` keys we read (older configs spell hidden_size `n_embed`); defaults are HF's. */
export const bloomHfConfigSchema = z.looseObject({
  model_type: z.literal('bloom'),
  vocab_size: positiveInt.default(250880),
  hidden_size: positiveInt.optional(),
  n_embed: positiveInt.optional(),
  n_layer: positiveInt,
  n_head: positiveInt,
  layer_norm_epsilon: z.number().positive().default(1e-5),
  initializer_range: z.number().positive().default(0.02),
  apply_residual_connection_post_layernorm: z.boolean().default(false),
  tie_word_embeddings: z.boolean().default(true),
  bos_token_id: tokenId.nullish(),
  eos_token_id: z.union([tokenId, z.array(tokenId)]).nullish(),
  pad_token_id: tokenId.nullish(),
  seq_length: positiveInt.optional(),
});

export interface BloomConfig extends CommonModelConfig {
  readonly layerNormEps: number;
  /** Residuals taken after the layer norms instead of before (HF flag of the same name). */
  readonly residualPostLayerNorm: boolean;
  readonly hf: Readonly<Record<string, unknown>>;
}

/** Parses and checks a BLOOM `config.json`. */
export function parseBloomConfig(raw: unknown, source = 'config.json'): BloomConfig {
  const c = parseHfConfig(bloomHfConfigSchema, raw, 'bloom', source);
  const hiddenSize = c.n_embed ?? c.hidden_size ?? configError('bloom', source, '"hidden_size" (or "n_embed") is required');
  if (hiddenSize % c.n_head !== 0) {
    configError('bloom', source, `"hidden_size" (${hiddenSize}) must be divisible by "n_head" (${c.n_head})`);
  }
  return {
    vocabSize: c.vocab_size,
    hiddenSize,
    numLayers: c.n_layer,
    numHeads: c.n_head,
    numKvHeads: c.n_head,
    headDim: hiddenSize / c.n_head,
    maxPositions: undefined,
    bosTokenId: c.bos_token_id ?? undefined,
    eosTokenId: c.eos_token_id == null ? undefined : [c.eos_token_id].flat(),
    padTokenId: c.pad_token_id ?? undefined,
    tieWordEmbeddings: c.tie_word_embeddings,
    initializerRange: c.initializer_range,
    layerNormEps: c.layer_norm_epsilon,
    residualPostLayerNorm: c.apply_residual_connection_post_layernorm,
    hf: c,
  };
}
