import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import type { ModelArchitecture, ParameterSpec, WeightLookup } from '../model-architecture';
import { linear } from './linear';

/** Logits of the causal-LM head (tied to the embeddings where the config says so). */
export function lmHead(arch: ModelArchitecture, w: WeightLookup, hidden: Value): Value {
  return linear(hidden, w(arch.lmHeadWeightName()));
}

/** HF `*ForSequenceClassification.score`: Linear(hidden, numLabels, bias=False). */
export function scoreHeadParameters(arch: ModelArchitecture, numLabels = 1): ParameterSpec[] {
  return [{ name: 'score.weight', shape: [numLabels, arch.config.hiddenSize], init: { kind: 'normal', std: arch.config.initializerRange } }];
}

/** trl's `ValueHead.summary`: Linear(hidden, 1) with bias. */
export function valueHeadParameters(arch: ModelArchitecture): ParameterSpec[] {
  const h = arch.config.hiddenSize;
  return [
    { name: 'v_head.summary.weight', shape: [1, h], init: { kind: 'normal', std: arch.config.initializerRange } },
    { name: 'v_head.summary.bias', shape: [1], init: { kind: 'zeros' } },
  ];
}

/**
 * Hidden state of each row's last real token: index = max over positions i with mask 1, so it is
 * right for left padding (last column) and right padding (sum(mask) - 1) alike. [b, s, h] → [b, h].
 */
export function poolLastToken(hidden: Value, attentionMask: Value): Value {
  const [batch, seq] = attentionMask.shape;
  const mask = ops.cast(attentionMask, 'float32');
  const index = ops.cast(ops.iota(hidden.graph, seq), 'float32');
  const last = ops.reduceMax(ops.mul(mask, index), [-1], true);
  const pick = ops.cast(ops.equal(index, last), 'float32');
  return ops.reduceSum(ops.mul(hidden, ops.reshape(pick, [batch, seq, 1])), [1], false);
}

/** Reward-model scores [b, numLabels] read at the last real token. */
export function sequenceScores(w: WeightLookup, hidden: Value, attentionMask: Value): Value {
  return linear(poolLastToken(hidden, attentionMask), w('score.weight'));
}

/** PPO values per token, [b, s]. */
export function tokenValues(w: WeightLookup, hidden: Value): Value {
  const [batch, seq] = hidden.shape;
  return ops.reshape(linear(hidden, w('v_head.summary.weight'), w('v_head.summary.bias')), [batch, seq]);
}
