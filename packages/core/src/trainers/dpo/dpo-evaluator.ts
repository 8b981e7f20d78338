import type { DeviceTensor, TensorBackend } from '../../backend/tensor-backend';
import { collateComparisons, rankedPairs, type TokenizedComparison } from '../rm/preference-batches';
import { disposeMicroBatch, uploadRankBatch } from '../rm/upload-rank-batch';
import { dpoLoss } from './dpo-loss';
import type { SequenceLogpScorer } from './sequence-logp-scorer';

type Weights = Readonly<Record<string, DeviceTensor>>;

export interface DpoMetrics {
  /** Mean DPO loss over held-out pairs. */
  readonly validationLoss: number;
  /** Share of held-out pairs whose implicit reward β·(log π − log π_ref) is higher for the chosen response. */
  readonly rewardAccuracy: number;
  /** Mean implicit reward margin (chosen − rejected). */
  readonly rewardMargin: number;
  /** Share of held-out pairs where the policy gives the chosen response the higher log-probability. */
  readonly preferenceAccuracy: number;
}

export interface DpoEvalSettings {
  readonly padId: number;
  readonly maxLength: number;
  readonly batchSize: number;
  readonly beta: number;
  readonly labelSmoothing: number;
}

/** Held-out DPO metrics; the reference log-probs are computed once (the reference never changes). */
export class DpoEvaluator {
  private reference?: number[][];

  constructor(private readonly backend: TensorBackend, private readonly scorer: SequenceLogpScorer, private readonly validation: readonly TokenizedComparison[], private readonly o: DpoEvalSettings) {}

  async evaluate(policy: Weights, referenceWeights: Weights): Promise<DpoMetrics> {
    this.reference ??= await this.logps(referenceWeights);
    const reference = this.reference;
    const current = await this.logps(policy);
    let loss = 0;
    let rewardWins = 0;
    let margin = 0;
    let preferred = 0;
    let pairs = 0;
    this.validation.forEach((c, i) => {
      for (const [better, worse] of rankedPairs(c.ranks)) {
        const r = dpoLoss({ policyChosen: current[i]![better]!, policyRejected: current[i]![worse]!, referenceChosen: reference[i]![better]!, referenceRejected: reference[i]![worse]! }, this.o.beta, this.o.labelSmoothing);
        loss += r.loss;
        if (r.chosenReward > r.rejectedReward) rewardWins++;
        margin += r.chosenReward - r.rejectedReward;
        if (current[i]![better]! > current[i]![worse]!) preferred++;
        pairs++;
      }
    });
    return { validationLoss: loss / pairs, rewardAccuracy: rewardWins / pairs, rewardMargin: margin / pairs, preferenceAccuracy: preferred / pairs };
  }

  /** Response log-probs of every sequence of every held-out comparison under `weights`. */
  async logps(weights: Weights): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < this.validation.length; i += this.o.batchSize) {
      const chunk = this.validation.slice(i, i + this.o.batchSize);
      const micro = uploadRankBatch(this.backend, collateComparisons(chunk, this.o), { targets: true });
      const rows = await this.scorer.logps(micro, weights).finally(() => disposeMicroBatch(micro));
      for (const c of chunk) out.push(rows.splice(0, c.sequences.length));
    }
    return out;
  }
}
