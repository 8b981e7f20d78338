import { createGraph } from '../../ir/create-graph';
import type { Graph } from '../../ir/graph';
import type { Dim } from '../../ir/shape';
import type { ModelArchitecture, ParameterSpec } from '../model-architecture';
import { AttentionContext, type LayerCache } from './attention-context';
import { declareWeights } from './declare-weights';
import { lmHead, scoreHeadParameters, sequenceScores, tokenValues, valueHeadParameters } from './heads';
import { lastPosition, traceTrunk } from './trace-model';

/** Graph-input and output names, transformers.js-style so exported graphs read familiarly. */
export const graphNames = {
  inputIds: 'input_ids',
  attentionMask: 'attention_mask',
  positionIds: 'position_ids',
  cachePosition: 'cache_position',
  logits: 'logits',
  scores: 'scores',
  values: 'values',
  pastKey: (layer: number) => `past_key_values.${layer}.key`,
  pastValue: (layer: number) => `past_key_values.${layer}.value`,
  presentKey: (layer: number) => `present.${layer}.key`,
  presentValue: (layer: number) => `present.${layer}.value`,
} as const;

export interface BatchShape {
  readonly batch: Dim;
  readonly seq: Dim;
}

function tokenInputs(g: Graph, shape: BatchShape) {
  return {
    inputIds: g.input(graphNames.inputIds, 'int64', [shape.batch, shape.seq]),
    attentionMask: g.input(graphNames.attentionMask, 'int64', [shape.batch, shape.seq]),
  };
}

/** Parameters of a model with an optional head: 'lm' (none extra), 'score' (reward model), 'value' (PPO). */
export function parametersWithHead(arch: ModelArchitecture, head: 'lm' | 'score' | 'value', numLabels = 1): ParameterSpec[] {
  const extra = head === 'score' ? scoreHeadParameters(arch, numLabels) : head === 'value' ? valueHeadParameters(arch) : [];
  return [...arch.parameters(), ...extra];
}

/** Full forward: `logits` [batch, seq, vocab] (training, log-likelihood scoring). */
export function buildCausalLmGraph(arch: ModelArchitecture, shape: BatchShape): Graph {
  const g = createGraph(`${arch.family}-causal-lm`);
  const w = declareWeights(g, arch.parameters());
  const { hidden } = traceTrunk(g, arch, w, tokenInputs(g, shape));
  g.output(graphNames.logits, lmHead(arch, w, hidden));
  return g;
}

/** Reward model: `scores` [batch, numLabels] at each row's last real token. */
export function buildSequenceClassificationGraph(arch: ModelArchitecture, shape: BatchShape, numLabels = 1): Graph {
  const g = createGraph(`${arch.family}-sequence-classification`);
  const w = declareWeights(g, parametersWithHead(arch, 'score', numLabels));
  const batch = tokenInputs(g, shape);
  const { hidden } = traceTrunk(g, arch, w, batch);
  g.output(graphNames.scores, sequenceScores(w, hidden, batch.attentionMask));
  return g;
}

/** PPO policy with value head: `logits` [batch, seq, vocab] and `values` [batch, seq]. */
export function buildValueHeadGraph(arch: ModelArchitecture, shape: BatchShape): Graph {
  const g = createGraph(`${arch.family}-value-head`);
  const w = declareWeights(g, parametersWithHead(arch, 'value'));
  const { hidden } = traceTrunk(g, arch, w, tokenInputs(g, shape));
  g.output(graphNames.logits, lmHead(arch, w, hidden));
  g.output(graphNames.values, tokenValues(w, hidden));
  return g;
}

/**
 * Prefill for one padded length bucket: left-padded prompts [batch, seq] → last-position `logits`
 * [batch, vocab] and `present.N.key/value` [batch, kvHeads, maxLength, headDim] (slots ≥ seq zero).
 */
export function buildPrefillGraph(arch: ModelArchitecture, shape: { batch: Dim; seq: number; maxLength: number }): Graph {
  const g = createGraph(`${arch.family}-prefill-${shape.seq}`);
  const w = declareWeights(g, arch.parameters());
  const { hidden, attention } = traceTrunk(g, arch, w, tokenInputs(g, shape), { kind: 'prefill', maxLength: shape.maxLength });
  g.output(graphNames.logits, lmHead(arch, w, lastPosition(hidden)));
  attention.presents.forEach((p, layer) => {
    g.output(graphNames.presentKey(layer), p.key);
    g.output(graphNames.presentValue(layer), p.value);
  });
  return g;
}

/**
 * One decode step: `input_ids` [batch, 1], `position_ids` [batch, 1], `cache_position` (int64 scalar:
 * the slot written), `attention_mask` [batch, maxLength] over cache slots (the new slot set) and the
 * past caches → `logits` [batch, vocab] and the updated caches. One graph serves every step.
 */
export function buildDecodeGraph(arch: ModelArchitecture, shape: { batch: Dim; maxLength: number }): Graph {
  const g = createGraph(`${arch.family}-decode`);
  const c = arch.config;
  const w = declareWeights(g, arch.parameters());
  const inputIds = g.input(graphNames.inputIds, 'int64', [shape.batch, 1]);
  const keyMask = g.input(graphNames.attentionMask, 'int64', [shape.batch, shape.maxLength]);
  const positions = g.input(graphNames.positionIds, 'int64', [shape.batch, 1]);
  const writeIndex = g.input(graphNames.cachePosition, 'int64', []);
  const cacheShape = [shape.batch, c.numKvHeads, shape.maxLength, c.headDim];
  const past: LayerCache[] = Array.from({ length: c.numLayers }, (_, layer) => ({
    key: g.input(graphNames.pastKey(layer), 'float32', cacheShape),
    value: g.input(graphNames.pastValue(layer), 'float32', cacheShape),
  }));
  const attention = new AttentionContext(g, keyMask, { kind: 'decode', past, writeIndex });
  const hidden = arch.traceTrunk(g, w, { inputIds, positions, attention });
  g.output(graphNames.logits, lmHead(arch, w, lastPosition(hidden)));
  attention.presents.forEach((p, layer) => {
    g.output(graphNames.presentKey(layer), p.key);
    g.output(graphNames.presentValue(layer), p.value);
  });
  return g;
}
