import { createGraph } from '../../ir/create-graph';
import type { Graph } from '../../ir/graph';
import { createExportGraph, takeLast } from '../../ir/ops/take-last';
import * as ops from '../../ir/ops/functions';
import { addDims, type Dim } from '../../ir/shape';
import type { ModelArchitecture } from '../model-architecture';
import { AttentionContext, type LayerCache } from './attention-context';
import { graphNames } from './build-graphs';
import { declareWeights } from './declare-weights';
import { lmHead } from './heads';

/** Symbolic dim names of the decoder graph: Optimum's, which transformers.js resolves by name. */
export interface DecoderDims {
  readonly batch: Dim;
  readonly seq: Dim;
  readonly past: Dim;
}

/** transformers.js fills an empty cache from the session's input metadata: it knows `batch_size`, and any other name becomes 0. */
export const optimumDecoderDims: DecoderDims = { batch: 'batch_size', seq: 'sequence_length', past: 'past_sequence_length' };

/**
 * Whether the decoder takes `position_ids`: families with a position limit (rotary, learned) do;
 * ALiBi families (BLOOM) read positions from the attention mask, and Optimum exports them without it.
 */
export function decoderTakesPositionIds(arch: ModelArchitecture): boolean {
  return arch.config.maxPositions !== undefined;
}

export interface DecoderGraphOptions {
  /**
   * Adds the int64 scalar input `num_logits_to_keep` (transformers.js feeds 1 while generating, 0 =
   * all): logits only for the last that many positions, [batch, num_logits, vocab], so a prefill skips
   * the LM head for the prompt. The graph then uses an export-only op (onnxruntime runs it; our
   * backends do not).
   */
  readonly numLogitsToKeep?: boolean;
  /** Each layer's attention as one fused `CausalAttention` node (our onnx runtime; the export keeps primitive ops). */
  readonly fusedAttention?: boolean;
}

/**
 * The transformers.js / Optimum decoder with a growing past: `input_ids` [batch, seq],
 * `attention_mask` [batch, past+seq], `position_ids` [batch, seq] (not for ALiBi families) and
 * `past_key_values.N.key/value` [batch, kvHeads, past, headDim] (past = 0 on the first call) →
 * `logits` [batch, seq, vocab] and `present.N.key/value` [batch, kvHeads, past+seq, headDim].
 * One graph serves prefill and every decode step; the caller feeds presents back as the next past.
 */
export function buildDecoderGraph(arch: ModelArchitecture, dims: DecoderDims = optimumDecoderDims, options: DecoderGraphOptions = {}): Graph {
  const g = options.numLogitsToKeep === true ? createExportGraph(`${arch.family}-decoder`) : createGraph(`${arch.family}-decoder`);
  const c = arch.config;
  const w = declareWeights(g, arch.parameters());
  const inputIds = g.input(graphNames.inputIds, 'int64', [dims.batch, dims.seq]);
  const keyMask = g.input(graphNames.attentionMask, 'int64', [dims.batch, addDims(dims.past, dims.seq)]);
  const positions = decoderTakesPositionIds(arch)
    ? g.input(graphNames.positionIds, 'int64', [dims.batch, dims.seq])
    : ops.mul(inputIds, 0); // stands in for positions the ALiBi trunk never reads
  const cacheShape = [dims.batch, c.numKvHeads, dims.past, c.headDim];
  const past: LayerCache[] = Array.from({ length: c.numLayers }, (_, layer) => ({
    key: g.input(graphNames.pastKey(layer), 'float32', cacheShape),
    value: g.input(graphNames.pastValue(layer), 'float32', cacheShape),
  }));
  const attention = new AttentionContext(g, keyMask, { kind: 'grow', past }, { fused: options.fusedAttention });
  const hidden = arch.traceTrunk(g, w, { inputIds, positions, attention });
  const kept = options.numLogitsToKeep === true ? takeLast(hidden, g.input('num_logits_to_keep', 'int64', []), 1, 'num_logits') : hidden;
  g.output(graphNames.logits, lmHead(arch, w, kept));
  attention.presents.forEach((p, layer) => {
    g.output(graphNames.presentKey(layer), p.key);
    g.output(graphNames.presentValue(layer), p.value);
  });
  return g;
}
