import { createGraph } from '../../ir/create-graph';
import type { Graph } from '../../ir/graph';
import type { LayerCache } from '../../models/graph/attention-context';
import { graphNames } from '../../models/graph/build-graphs';
import { declareWeights } from '../../models/graph/declare-weights';
import { lmHead } from '../../models/graph/heads';
import type { ModelArchitecture } from '../../models/model-architecture';
import { PrefixAttentionContext } from './prefix-attention';

/** Graph inputs beyond graphNames: the prefix's key mask (1 = real context token, left padding = 0). */
export const prefixMaskName = 'prefix_mask';

/**
 * Scores continuations of one prefix in a single pass: `input_ids` / `attention_mask` / `position_ids`
 * [batch, tail] (right-padded new tokens, positions after the context) and the prefix's caches
 * `past_key_values.N.*` [1, kvHeads, prefix, headDim] → `logits` [batch, tail, vocab].
 */
export function buildContinuationGraph(arch: ModelArchitecture, shape: { batch: number; prefix: number; tail: number }): Graph {
  const c = arch.config;
  const g = createGraph(`${arch.family}-continuation-${shape.prefix}-${shape.tail}`);
  const w = declareWeights(g, arch.parameters());
  const inputIds = g.input(graphNames.inputIds, 'int64', [shape.batch, shape.tail]);
  const newMask = g.input(graphNames.attentionMask, 'int64', [shape.batch, shape.tail]);
  const positions = g.input(graphNames.positionIds, 'int64', [shape.batch, shape.tail]);
  const prefixMask = g.input(prefixMaskName, 'int64', [1, shape.prefix]);
  const cacheShape = [1, c.numKvHeads, shape.prefix, c.headDim];
  const past: LayerCache[] = Array.from({ length: c.numLayers }, (_, layer) => ({
    key: g.input(graphNames.pastKey(layer), 'float32', cacheShape),
    value: g.input(graphNames.pastValue(layer), 'float32', cacheShape),
  }));
  const attention = new PrefixAttentionContext(g, prefixMask, newMask, past);
  const hidden = arch.traceTrunk(g, w, { inputIds, positions, attention });
  g.output(graphNames.logits, lmHead(arch, w, hidden));
  return g;
}
