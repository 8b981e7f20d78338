import { createGraph } from '../../ir/create-graph';
import type { Graph } from '../../ir/graph';
import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import { declareWeights } from '../../models/graph/declare-weights';
import { graphNames, parametersWithHead } from '../../models/graph/build-graphs';
import { sequenceScores } from '../../models/graph/heads';
import { traceTrunk } from '../../models/graph/trace-model';
import type { ModelArchitecture, ParameterSpec } from '../../models/model-architecture';
import type { ForwardFn } from '../../optim/training-graph';
import { trainableParameterNames, usesWeightDecay } from '../engine/trainable-parameters';
import { declarePairInputs, listwiseRankingLoss, pairwiseRankingLoss } from './ranking-loss-graph';

export type RankingLossKind = 'pairwise' | 'listwise';

/** A `*ForSequenceClassification` model's tensors: the trunk and `score.weight` (no LM head, as HF saves it). */
export function rewardModelParameters(arch: ModelArchitecture): ParameterSpec[] {
  const specs = parametersWithHead(arch, 'score');
  return arch.config.tieWordEmbeddings ? specs : specs.filter((s) => s.name !== arch.lmHeadWeightName());
}

/** Okapi's RM: the top N blocks plus everything outside the blocks (embeddings, final norm, score head). */
export function rewardTrainableNames(arch: ModelArchitecture, topLayers: number | null): string[] {
  const blocks = Array.from({ length: arch.config.numLayers }, (_, layer) => arch.blockParameterPrefix(layer));
  const outsideBlocks = (name: string) => !blocks.some((prefix) => name.startsWith(prefix));
  return trainableParameterNames(arch, rewardModelParameters(arch), topLayers, outsideBlocks);
}

/** Declares the RM's weights and token inputs in `g` and returns its scores [batch] at each row's last real token. */
export function traceRewardScores(g: Graph, arch: ModelArchitecture, specs: readonly ParameterSpec[] = rewardModelParameters(arch)): { scores: Value; weight: (name: string) => Value } {
  const w = declareWeights(g, specs);
  const inputIds = g.input(graphNames.inputIds, 'int64', ['batch', 'seq']);
  const attentionMask = g.input(graphNames.attentionMask, 'int64', ['batch', 'seq']);
  const { hidden } = traceTrunk(g, arch, w, { inputIds, attentionMask });
  const scores = sequenceScores(w, hidden, attentionMask);
  return { scores: ops.reshape(scores, [scores.shape[0]!]), weight: w };
}

/** RM training forward: ranking loss over the batch's comparisons; only `trainable` parameters get gradients. */
export function rewardModelLoss(arch: ModelArchitecture, trainable: ReadonlySet<string>, kind: RankingLossKind): ForwardFn {
  return (g) => {
    const specs = rewardModelParameters(arch);
    const { scores, weight } = traceRewardScores(g, arch, specs);
    const loss = kind === 'pairwise' ? pairwiseRankingLoss(scores, declarePairInputs(g)) : listwiseRankingLoss(g, scores);
    const params = specs.filter((s) => trainable.has(s.name)).map((s) => ({ name: s.name, value: weight(s.name), decay: usesWeightDecay(s.name) }));
    return { loss, params };
  };
}

/** Forward-only scoring graph: output `scores` [batch]. */
export function rewardScoresGraph(arch: ModelArchitecture): Graph {
  const g = createGraph(`${arch.family}-reward-scores`);
  g.output(graphNames.scores, traceRewardScores(g, arch).scores);
  return g;
}
