import { createGraph } from '../../ir/create-graph';
import type { Graph } from '../../ir/graph';
import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import { declareWeights } from '../../models/graph/declare-weights';
import { graphNames } from '../../models/graph/build-graphs';
import { lmHead } from '../../models/graph/heads';
import { traceTrunk } from '../../models/graph/trace-model';
import type { ModelArchitecture, WeightLookup } from '../../models/model-architecture';
import type { ForwardFn } from '../../optim/training-graph';
import { usesWeightDecay } from '../engine/trainable-parameters';
import { graphSoftplus } from '../rm/graph-softplus';
import { declarePairInputs, type PairInputs } from '../rm/ranking-loss-graph';
import { responseInputNames } from '../rm/upload-rank-batch';

/** Graph input: the frozen reference model's sequence log-probs [batch], computed before each step. */
export const REFERENCE_LOGPS = 'reference_logps';
/** Output of the forward-only graph. */
export const SEQUENCE_LOGPS = 'logps';

/**
 * Σ log π(response token | prefix) per row [batch]: log-softmax of the LM head gathered at the next
 * response token (LogSoftmaxGather) and masked to response positions, so prompt and padding add nothing.
 */
export function traceSequenceLogps(g: Graph, arch: ModelArchitecture, w: WeightLookup): Value {
  const inputIds = g.input(graphNames.inputIds, 'int64', ['batch', 'seq']);
  const attentionMask = g.input(graphNames.attentionMask, 'int64', ['batch', 'seq']);
  const targets = g.input(responseInputNames.targets, 'int64', ['batch', 'seq']);
  const mask = g.input(responseInputNames.mask, 'float32', ['batch', 'seq']);
  const { hidden } = traceTrunk(g, arch, w, { inputIds, attentionMask });
  return ops.reduceSum(ops.mul(ops.logSoftmaxGather(lmHead(arch, w, hidden), targets), mask), [-1], false);
}

/**
 * DPO's per-pair loss as graph ops (dpo-loss.ts semantics): h = (π_c − π_r) − (ref_c − ref_r),
 * (1 − ε)·softplus(−βh) + ε·softplus(βh), weighted by the pair weights and summed.
 */
export function dpoPairLoss(policy: Value, reference: Value, pairs: PairInputs, beta: number, labelSmoothing: number): Value {
  const margin = (logps: Value) => ops.sub(ops.gather(logps, pairs.chosen), ops.gather(logps, pairs.rejected));
  const scaled = ops.mul(ops.sub(margin(policy), margin(reference)), beta);
  let perPair = graphSoftplus(ops.neg(scaled));
  if (labelSmoothing > 0) perPair = ops.add(ops.mul(perPair, 1 - labelSmoothing), ops.mul(graphSoftplus(scaled), labelSmoothing));
  return ops.reduceSum(ops.mul(pairs.weight, perPair), [0], false);
}

/** DPO training forward on the policy; only `trainable` parameters get gradients. */
export function dpoLossForward(arch: ModelArchitecture, trainable: ReadonlySet<string>, o: { beta: number; labelSmoothing: number }): ForwardFn {
  return (g) => {
    const specs = arch.parameters();
    const w = declareWeights(g, specs);
    const policy = traceSequenceLogps(g, arch, w);
    const reference = g.input(REFERENCE_LOGPS, 'float32', ['batch']);
    const loss = dpoPairLoss(policy, reference, declarePairInputs(g), o.beta, o.labelSmoothing);
    const params = specs.filter((s) => trainable.has(s.name)).map((s) => ({ name: s.name, value: w(s.name), decay: usesWeightDecay(s.name) }));
    return { loss, params };
  };
}

/** Forward-only graph: `logps` [batch] of each row's response under the fed weights (policy or reference). */
export function sequenceLogpsGraph(arch: ModelArchitecture): Graph {
  const g = createGraph(`${arch.family}-sequence-logps`);
  g.output(SEQUENCE_LOGPS, traceSequenceLogps(g, arch, declareWeights(g, arch.parameters())));
  return g;
}
