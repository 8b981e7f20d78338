import type { Graph } from '../../ir/graph';
import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import type { ModelArchitecture, WeightLookup } from '../model-architecture';
import { AttentionContext, type CacheMode } from './attention-context';
import { positionsFromMask } from './positions';

export interface TokenBatch {
  /** int64 [batch, seq] */
  readonly inputIds: Value;
  /** int64 [batch, seq], 1 = real token; left or right padding. */
  readonly attentionMask: Value;
}

export interface TracedTrunk {
  /** [batch, seq, hidden], after the final norm. */
  readonly hidden: Value;
  readonly attention: AttentionContext;
}

/**
 * The trunk over a whole padded batch (training, scoring, prefill): causal + padding mask, positions
 * counted over real tokens. Callers add heads (lmHead, sequenceScores, tokenValues) and losses.
 */
export function traceTrunk(g: Graph, arch: ModelArchitecture, w: WeightLookup, batch: TokenBatch, mode: CacheMode = { kind: 'none' }): TracedTrunk {
  const attention = new AttentionContext(g, batch.attentionMask, mode);
  const positions = positionsFromMask(batch.attentionMask);
  const hidden = arch.traceTrunk(g, w, { inputIds: batch.inputIds, positions, attention });
  return { hidden, attention };
}

/** The last sequence position of [batch, seq, hidden] as [batch, hidden] (left-padded prompts end there). */
export function lastPosition(hidden: Value): Value {
  const [batch, seq, size] = hidden.shape;
  if (typeof seq !== 'number') throw new TypeError('lastPosition needs a static sequence length');
  return ops.reshape(ops.slice(hidden, [seq - 1], [seq], [1]), [batch, size]);
}
