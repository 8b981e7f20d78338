import { logSigmoid, logSumExp } from '../../util/math';

/** Pairwise Bradley-Terry loss for one pair: −log σ(r_chosen − r_rejected) (Okapi's RM loss). */
export function pairwiseLoss(chosen: number, rejected: number): number {
  return -logSigmoid(chosen - rejected);
}

/**
 * Mean pairwise loss over all C(K,2) pairs of one K-ranked list. `scores` are in rank order (best first),
 * so every earlier item is the chosen one of its pair.
 */
export function allPairsLoss(scores: readonly number[]): number {
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    for (let j = i + 1; j < scores.length; j++) {
      total += pairwiseLoss(scores[i]!, scores[j]!);
      pairs++;
    }
  }
  return pairs === 0 ? 0 : total / pairs;
}

/**
 * Plackett–Luce negative log-likelihood of the observed ranking (listwise): the best item is chosen
 * among all, the second among the rest, …: −Σ_i [s_i − log Σ_{j≥i} e^{s_j}].
 */
export function plackettLuceLoss(scores: readonly number[]): number {
  let loss = 0;
  for (let i = 0; i < scores.length - 1; i++) loss -= scores[i]! - logSumExp(scores.slice(i));
  return loss;
}

/** Pairwise accuracy and mean margin, the RM metrics. */
export function pairwiseMetrics(chosen: readonly number[], rejected: readonly number[]): { accuracy: number; margin: number } {
  let correct = 0;
  let margin = 0;
  for (let i = 0; i < chosen.length; i++) {
    if (chosen[i]! > rejected[i]!) correct++;
    margin += chosen[i]! - rejected[i]!;
  }
  return { accuracy: correct / chosen.length, margin: margin / chosen.length };
}
