import type { DeviceTensor, TensorBackend } from '../../backend/tensor-backend';
import { graphNames } from '../../models/graph/build-graphs';
import type { ModelArchitecture } from '../../models/model-architecture';
import { pairwiseLoss, pairwiseMetrics, plackettLuceLoss } from './ranking-losses';
import { collateComparisons, rankedPairs, rankOrder, type TokenizedComparison } from './preference-batches';
import { rewardScoresGraph } from './reward-model-graph';
import { SessionCache } from './session-cache';
import { disposeMicroBatch, uploadRankBatch } from './upload-rank-batch';

export interface RewardMetrics {
  /** Share of held-out pairs with r_chosen > r_rejected. */
  readonly pairwiseAccuracy: number;
  /** Mean r_chosen − r_rejected over held-out pairs. */
  readonly rewardMargin: number;
  /** Mean held-out loss of the trained kind (all-pairs or Plackett–Luce) per comparison. */
  readonly validationLoss: number;
}

/** Scores sequences with the current RM weights (forward only) and reports the held-out RM metrics. */
export class RewardEvaluator {
  private readonly sessions: SessionCache;

  constructor(private readonly backend: TensorBackend, arch: ModelArchitecture, private readonly weights: () => Record<string, DeviceTensor>) {
    this.sessions = new SessionCache(backend, rewardScoresGraph(arch));
  }

  /** Scores of every sequence of every comparison, in order. */
  async scoreComparisons(comparisons: readonly TokenizedComparison[], batchSize: number, o: { padId: number; maxLength: number }): Promise<number[][]> {
    const scores: number[][] = [];
    for (let i = 0; i < comparisons.length; i += batchSize) {
      const chunk = comparisons.slice(i, i + batchSize);
      const micro = uploadRankBatch(this.backend, collateComparisons(chunk, o), {});
      const out = await (await this.sessions.get(micro.dims)).run({ ...micro.feeds, ...this.weights() });
      const rows = Array.from((await this.backend.download(out[graphNames.scores]!)).data as Float32Array);
      for (const t of Object.values(out)) t.dispose();
      disposeMicroBatch(micro);
      for (const c of chunk) scores.push(rows.splice(0, c.sequences.length));
    }
    return scores;
  }

  async evaluate(comparisons: readonly TokenizedComparison[], batchSize: number, o: { padId: number; maxLength: number; loss: 'pairwise' | 'listwise' }): Promise<RewardMetrics> {
    const scores = await this.scoreComparisons(comparisons, batchSize, o);
    const chosen: number[] = [];
    const rejected: number[] = [];
    let loss = 0;
    scores.forEach((s, i) => {
      const ranks = comparisons[i]!.ranks;
      for (const [better, worse] of rankedPairs(ranks)) {
        chosen.push(s[better]!);
        rejected.push(s[worse]!);
      }
      const ordered = rankOrder(ranks).map((j) => s[j]!);
      loss += o.loss === 'pairwise' ? meanPairLoss(s, ranks) : plackettLuceLoss(ordered);
    });
    const { accuracy, margin } = pairwiseMetrics(chosen, rejected);
    return { pairwiseAccuracy: accuracy, rewardMargin: margin, validationLoss: loss / comparisons.length };
  }

  dispose(): Promise<void> {
    return this.sessions.dispose();
  }
}

/** Mean pairwise loss over one comparison's strict pairs (`allPairsLoss` when there are no ties). */
function meanPairLoss(scores: readonly number[], ranks: readonly number[]): number {
  const pairs = rankedPairs(ranks);
  let total = 0;
  for (const [better, worse] of pairs) total += pairwiseLoss(scores[better]!, scores[worse]!);
  return total / pairs.length;
}
