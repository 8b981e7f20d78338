import type { Graph } from '../ir/graph';
import type { Value } from '../ir/value';
import type { AttentionContext } from './graph/attention-context';

/** The size facts every family shares, read from its HF `config.json` (HF key names in comments). */
export interface CommonModelConfig {
  readonly vocabSize: number;
  readonly hiddenSize: number;
  readonly numLayers: number;
  readonly numHeads: number;
  /** Grouped-query attention: heads of K/V (= numHeads without GQA). */
  readonly numKvHeads: number;
  readonly headDim: number;
  /** Longest sequence the model was trained for; undefined where the family has no limit (ALiBi). */
  readonly maxPositions?: number;
  readonly bosTokenId?: number;
  readonly eosTokenId?: readonly number[];
  readonly padTokenId?: number;
  readonly tieWordEmbeddings: boolean;
  /** Std of the normal init of linear and embedding weights (`initializer_range`). */
  readonly initializerRange: number;
}

/** How a fresh parameter is initialised (HF `_init_weights`). */
export type ParameterInit =
  | { readonly kind: 'normal'; readonly std: number; readonly zeroRow?: number }
  | { readonly kind: 'zeros' }
  | { readonly kind: 'ones' };

/** One trainable tensor, named exactly as Hugging Face names it, with HF's shape ([out, in] for Linear). */
export interface ParameterSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly init: ParameterInit;
}

/** The tensors a family's trunk reads; parameters are graph values looked up by HF name. */
export type WeightLookup = (name: string) => Value;

/** What the trunk of a decoder needs per call. */
export interface TrunkInputs {
  /** int64 [batch, seq]. */
  readonly inputIds: Value;
  /** int64 [batch, seq]: each token's position (0-based, pads ignored). */
  readonly positions: Value;
  /** Masks, the KV cache and where new keys go. */
  readonly attention: AttentionContext;
}

/**
 * A model family bound to one config: its parameter list and its trunk, traced once into IR ops
 * so every backend runs the same definition.
 */
export interface ModelArchitecture {
  readonly family: string;
  readonly config: CommonModelConfig;
  /** Backbone parameters (embeddings, blocks, final norm) plus `lm_head.weight` when untied. */
  parameters(): readonly ParameterSpec[];
  /** Prefix of backbone names (`model.` / `transformer.`), for freezing "the last N blocks". */
  blockParameterPrefix(layer: number): string;
  /** Embeddings → blocks → final norm: hidden states [batch, seq, hidden]. */
  traceTrunk(g: Graph, weights: WeightLookup, inputs: TrunkInputs): Value;
  /** The matrix of the causal-LM head, HF layout [vocab, hidden] (the embeddings when tied). */
  lmHeadWeightName(): string;
  /** The config as HF writes it (for saving a model directory). */
  toHfConfig(): Record<string, unknown>;
}
