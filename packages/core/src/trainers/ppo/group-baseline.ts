/** How a sample's score is centred on its prompt's other samples before clipping and KL shaping. */
export type RewardBaseline = 'none' | 'group-mean';

/**
 * RLOO's leave-one-out baseline: `scores` holds consecutive groups of `k` samples of one prompt each;
 * sample i of a group becomes s_i − (Σ_{j≠i} s_j) / (k − 1). A group whose samples all scored the
 * same becomes all zeros, so only the samples that did better or worse than their siblings push the policy.
 */
export function leaveOneOutCentred(scores: readonly number[], k: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`a leave-one-out baseline needs k >= 2 samples per prompt, got ${k}`);
  if (scores.length % k !== 0) throw new RangeError(`${scores.length} scores do not split into groups of ${k}`);
  const out: number[] = [];
  for (let start = 0; start < scores.length; start += k) {
    const group = scores.slice(start, start + k);
    const sum = group.reduce((a, b) => a + b, 0);
    for (const s of group) out.push(s - (sum - s) / (k - 1));
  }
  return out;
}

/** `scores` with the baseline applied (`none`: unchanged). */
export function applyRewardBaseline(scores: readonly number[], k: number, baseline: RewardBaseline): number[] {
  return baseline === 'group-mean' ? leaveOneOutCentred(scores, k) : [...scores];
}

/** Each item `k` times in a row: the rollout list of an iteration whose prompts are sampled k times. */
export function repeatEach<T>(items: readonly T[], k: number): T[] {
  return items.flatMap((item) => Array.from({ length: k }, () => item));
}

/** The largest multiple of k not above `chunkSize` (at least k), so a chunk never splits a prompt's group. */
export function groupAlignedChunkSize(chunkSize: number, k: number): number {
  return Math.max(k, Math.floor(chunkSize / k) * k);
}
