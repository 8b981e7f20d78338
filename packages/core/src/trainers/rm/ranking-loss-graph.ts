import type { Graph } from '../../ir/graph';
import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import { graphSoftplus } from './graph-softplus';

/** Graph inputs that describe which sequences of a batch are compared, and how. */
export const rankingInputNames = {
  /** int64 [pairs]: row of the preferred sequence of each pair. */
  chosen: 'pair_chosen',
  /** int64 [pairs]: row of the dispreferred sequence. */
  rejected: 'pair_rejected',
  /** float32 [pairs]: weight of each pair (sums to 1 over a batch; 0 for padding pairs). */
  pairWeight: 'pair_weight',
  /** int64 [lists, k]: rows of each list, best first. */
  listIndex: 'list_index',
  /** float32 [lists, k]: weight of each Plackett–Luce term (0 for padding slots). */
  listWeight: 'list_weight',
  /** float32 [lists, k, k]: 0 where item j is still available at stage i (j ≥ i, real), else −1e9. */
  listBias: 'list_bias',
} as const;

export interface PairInputs {
  readonly chosen: Value;
  readonly rejected: Value;
  readonly weight: Value;
}

/** Declares the pair inputs (symbolic dim 'pairs'). */
export function declarePairInputs(g: Graph): PairInputs {
  return {
    chosen: g.input(rankingInputNames.chosen, 'int64', ['pairs']),
    rejected: g.input(rankingInputNames.rejected, 'int64', ['pairs']),
    weight: g.input(rankingInputNames.pairWeight, 'float32', ['pairs']),
  };
}

/** Weighted pairwise Bradley–Terry loss Σ w·(−log σ(s_c − s_r)) over `scores` [rows]. */
export function pairwiseRankingLoss(scores: Value, pairs: PairInputs): Value {
  const margin = ops.sub(ops.gather(scores, pairs.chosen), ops.gather(scores, pairs.rejected));
  return ops.reduceSum(ops.mul(pairs.weight, graphSoftplus(ops.neg(margin))), [0], false);
}

/**
 * Weighted Plackett–Luce negative log-likelihood of each list's order (listwise):
 * −Σ_i w_i·[s_i − log Σ_{j ≥ i} e^{s_j}], as a log-softmax over the still-available items per stage.
 */
export function listwiseRankingLoss(g: Graph, scores: Value): Value {
  const index = g.input(rankingInputNames.listIndex, 'int64', ['lists', 'k']);
  const weight = g.input(rankingInputNames.listWeight, 'float32', ['lists', 'k']);
  const bias = g.input(rankingInputNames.listBias, 'float32', ['lists', 'k', 'k']);
  const listScores = ops.gather(scores, index);
  const stageLogProbs = ops.logSoftmax(ops.add(ops.unsqueeze(listScores, 1), bias), -1);
  const k = index.shape[1]!;
  const positions = ops.iota(g, k);
  const diagonal = ops.cast(ops.equal(ops.reshape(positions, [k, 1]), ops.reshape(positions, [1, k])), 'float32');
  const picked = ops.reduceSum(ops.mul(stageLogProbs, diagonal), [-1], false);
  return ops.neg(ops.reduceSum(ops.mul(weight, picked), [0, 1], false));
}
