import { createGraph } from '../../ir/create-graph';
import type { Graph } from '../../ir/graph';
import type { LayerCache } from '../../models/graph/attention-context';
import { graphNames } from '../../models/graph/build-graphs';
import { declareWeights } from '../../models/graph/declare-weights';
import { lmHead } from '../../models/graph/heads';
import type { ModelArchitecture } from '../../models/model-architecture';
import { PrefixAttentionContext } from './prefix-attention';

/** Graph inputs beyond graphNames: the contexts' key mask (1 = real context token, left padding = 0). */
export const prefixMaskName = 'prefix_mask';
/** Graph input: int64 [rows], the context each continuation row extends. */
export const rowContextName = 'row_context';

export interface ContinuationShape {
  /** Contexts whose caches are fed (the prefill batch). */
  readonly contexts: number;
  /** Continuation rows scored. */
  readonly rows: number;
  /** Padded context length (cache slots). */
  readonly prefix: number;
  /** Padded new tokens per row. */
  readonly tail: number;
}

/**
 * Scores continuations of several contexts in a single pass: `input_ids` / `attention_mask` /
 * `position_ids` [rows, tail] (right-padded new tokens, positions after the row's context),
 * `row_context` [rows], `prefix_mask` [contexts, prefix] and the contexts' caches
 * `past_key_values.N.*` [contexts, kvHeads, prefix, headDim] → `logits` [rows, tail, vocab].
 */
export function buildContinuationGraph(arch: ModelArchitecture, shape: ContinuationShape): Graph {
  const c = arch.config;
  const g = createGraph(`${arch.family}-continuation-${shape.contexts}x${shape.prefix}-${shape.rows}x${shape.tail}`);
  const w = declareWeights(g, arch.parameters());
  const inputIds = g.input(graphNames.inputIds, 'int64', [shape.rows, shape.tail]);
  const newMask = g.input(graphNames.attentionMask, 'int64', [shape.rows, shape.tail]);
  const positions = g.input(graphNames.positionIds, 'int64', [shape.rows, shape.tail]);
  const rowContext = g.input(rowContextName, 'int64', [shape.rows]);
  const prefixMask = g.input(prefixMaskName, 'int64', [shape.contexts, shape.prefix]);
  const cacheShape = [shape.contexts, c.numKvHeads, shape.prefix, c.headDim];
  const past: LayerCache[] = Array.from({ length: c.numLayers }, (_, layer) => ({
    key: g.input(graphNames.pastKey(layer), 'float32', cacheShape),
    value: g.input(graphNames.pastValue(layer), 'float32', cacheShape),
  }));
  const attention = new PrefixAttentionContext(g, { prefixMask, newMask, rowContext, past });
  const hidden = arch.traceTrunk(g, w, { inputIds, positions, attention });
  g.output(graphNames.logits, lmHead(arch, w, hidden));
  return g;
}
