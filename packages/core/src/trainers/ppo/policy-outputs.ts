import type { Graph } from '../../ir/graph';
import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import { graphNames } from '../../models/graph/build-graphs';
import { lmHead, tokenValues } from '../../models/graph/heads';
import { traceTrunk } from '../../models/graph/trace-model';
import type { ModelArchitecture, WeightLookup } from '../../models/model-architecture';

/** Graph-input names of a PPO batch (query + response, right-padded to one length bucket). */
export const ppoInputs = {
  /** int64 [batch, seq]: the next token at each position that predicts a response token, else 0. */
  targets: 'ppo_targets',
  /** float32 [batch, seq]: 1 at the positions that predict a response token (TRL's `masks`). */
  mask: 'response_mask',
  oldLogprobs: 'old_logprobs',
  oldValues: 'old_values',
  advantages: 'advantages',
  returns: 'returns',
} as const;

export interface PolicyOutputs {
  /** [batch, seq, vocab] */
  readonly logits: Value;
  /** log π(target | prefix) at each position, [batch, seq]. */
  readonly logprobs: Value;
  /** Value-head output per position, [batch, seq]; undefined without a value head. */
  readonly values?: Value;
}

/**
 * The policy's per-position quantities over a padded query + response batch: logprobs of the taken
 * tokens (LogSoftmaxGather, as TRL's `logprobs_from_logits(logits[:, :-1], ids[:, 1:])`) and values.
 * `temperature` is the rollouts' sampling temperature: the logits are divided by it (as TRL's PPO
 * does) so that the logprobs, ratios and KL are those of the distribution the responses came from.
 */
export function tracePolicy(g: Graph, arch: ModelArchitecture, w: WeightLookup, withValues: boolean, temperature = 1): PolicyOutputs {
  const inputIds = g.input(graphNames.inputIds, 'int64', ['batch', 'seq']);
  const attentionMask = g.input(graphNames.attentionMask, 'int64', ['batch', 'seq']);
  const targets = g.input(ppoInputs.targets, 'int64', ['batch', 'seq']);
  const { hidden } = traceTrunk(g, arch, w, { inputIds, attentionMask });
  const raw = lmHead(arch, w, hidden);
  const logits = temperature === 1 ? raw : ops.mul(raw, 1 / temperature);
  return { logits, logprobs: ops.logSoftmaxGather(logits, targets), values: withValues ? tokenValues(w, hidden) : undefined };
}

/** Entropy of the next-token distribution at each position, [batch, seq]. */
export function tokenEntropy(logits: Value): Value {
  const logp = ops.logSoftmax(logits, -1);
  return ops.neg(ops.reduceSum(ops.mul(ops.exp(logp), logp), [-1], false));
}
