import type { LogLikelihoodResult } from '../loglikelihood-scorer';

/** log p(target) under one row of logits, in float64, plus whether the target is the row's argmax. */
export function tokenLogprob(logits: Float32Array, target: number): { logprob: number; greedy: boolean } {
  let max = -Infinity;
  let argmax = 0;
  for (let i = 0; i < logits.length; i++) {
    if (logits[i]! > max) {
      max = logits[i]!;
      argmax = i;
    }
  }
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i]! - max);
  return { logprob: logits[target]! - max - Math.log(sum), greedy: argmax === target };
}

/**
 * Sums the log-probs of `continuation` where `rowFor(i)` holds the logits that predict its i-th token;
 * greedy when every token is its row's argmax (lm-eval's `max_equal`).
 */
export function continuationScore(continuation: readonly number[], rowFor: (i: number) => Float32Array): LogLikelihoodResult {
  let logprob = 0;
  let greedy = true;
  continuation.forEach((token, i) => {
    const t = tokenLogprob(rowFor(i), token);
    logprob += t.logprob;
    greedy &&= t.greedy;
  });
  return { logprob, greedy };
}
