import { gae, tokenRewards, whiten } from './gae';

/** What the rollout phase measured for one response, per response token. */
export interface MeasuredRollout {
  /** The reward model's score, already clipped to ±rewardClip. */
  readonly score: number;
  readonly logprobs: Float64Array;
  readonly refLogprobs: Float64Array;
  readonly values: Float64Array;
}

export interface Advantages {
  /** Whitened over every response token of the batch. */
  readonly advantages: Float64Array[];
  readonly returns: Float64Array[];
  /** Σ_t (log π − log π_ref) per rollout. */
  readonly kl: number[];
  /** Sum of the per-token KL penalties per rollout (TRL's non-score reward). */
  readonly nonScoreReward: number[];
}

/**
 * TRL's `compute_rewards` + `compute_advantages`: per-token KL-penalised rewards with the score on the
 * last token, GAE per response, returns = A + V, then advantages whitened across the whole batch.
 */
export function computeAdvantages(rollouts: readonly MeasuredRollout[], klCoef: number, gamma: number, lam: number): Advantages {
  const raw: Float64Array[] = [];
  const returns: Float64Array[] = [];
  const kl: number[] = [];
  const nonScoreReward: number[] = [];
  for (const r of rollouts) {
    const { rewards, kl: k } = tokenRewards(r.score, r.logprobs, r.refLogprobs, klCoef);
    const estimate = gae(rewards, r.values, gamma, lam);
    raw.push(estimate.advantages);
    returns.push(estimate.returns);
    kl.push(k);
    nonScoreReward.push(-klCoef * k);
  }
  const whitened = whiten(Float64Array.from(raw.flatMap((a) => [...a])));
  let offset = 0;
  const advantages = raw.map((a) => {
    const part = whitened.slice(offset, offset + a.length);
    offset += a.length;
    return part;
  });
  return { advantages, returns, kl, nonScoreReward };
}
