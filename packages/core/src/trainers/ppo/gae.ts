/**
 * Generalised advantage estimation over one response (TRL `compute_advantages`): the value after
 * the last token is 0, δ_t = r_t + γ·V_{t+1} − V_t, A_t = δ_t + γλ·A_{t+1}; returns = A + V.
 */
export function gae(rewards: ArrayLike<number>, values: ArrayLike<number>, gamma: number, lam: number): { advantages: Float64Array; returns: Float64Array } {
  const n = rewards.length;
  const advantages = new Float64Array(n);
  const returns = new Float64Array(n);
  let last = 0;
  for (let t = n - 1; t >= 0; t--) {
    const next = t < n - 1 ? values[t + 1]! : 0;
    const delta = rewards[t]! + gamma * next - values[t]!;
    last = delta + gamma * lam * last;
    advantages[t] = last;
    returns[t] = last + values[t]!;
  }
  return { advantages, returns };
}

/**
 * Per-token rewards (TRL `compute_rewards`): −β·(log π − log π_ref) at every token, plus the clipped
 * sequence score on the last token.
 */
export function tokenRewards(score: number, logprobs: ArrayLike<number>, refLogprobs: ArrayLike<number>, klCoef: number): { rewards: Float64Array; kl: number } {
  const rewards = new Float64Array(logprobs.length);
  let kl = 0;
  for (let t = 0; t < logprobs.length; t++) {
    const tokenKl = logprobs[t]! - refLogprobs[t]!;
    kl += tokenKl;
    rewards[t] = -klCoef * tokenKl;
  }
  if (rewards.length > 0) rewards[rewards.length - 1]! += score;
  return { rewards, kl };
}

/** Whitening over a batch (TRL `masked_whiten`, unbiased variance, shift_mean). */
export function whiten(values: Float64Array): Float64Array {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v / n;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  const variance = n > 1 ? sq / (n - 1) : 0;
  const scale = 1 / Math.sqrt(variance + 1e-8);
  return values.map((v) => (v - mean) * scale);
}
