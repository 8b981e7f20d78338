import type { EvalMetric } from './eval-task';
import type { McDoc } from './mc-doc';
import { PythonRandom } from './python-random';
import { pyLength } from './python-text';

/** numpy's argmax: the first index of the largest value. */
export function argmaxFirst(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/**
 * lm-eval's multiple-choice metrics for one doc: acc = argmax of the summed log-probs is gold;
 * acc_norm = the same after dividing by each choice's length in characters (Python `len`, code points).
 */
export function itemMetrics(doc: McDoc, logprobs: readonly number[], metrics: readonly EvalMetric[]): Partial<Record<EvalMetric, number>> {
  const out: Partial<Record<EvalMetric, number>> = {};
  if (metrics.includes('acc')) out.acc = argmaxFirst(logprobs) === doc.gold ? 1 : 0;
  if (metrics.includes('acc_norm')) {
    const normalized = logprobs.map((lp, i) => lp / pyLength(doc.choices[i]!));
    out.acc_norm = argmaxFirst(normalized) === doc.gold ? 1 : 0;
  }
  return out;
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n - 1). */
export function sampleStddev(values: readonly number[]): number {
  const mu = mean(values);
  let sq = 0;
  for (const v of values) sq += (v - mu) ** 2;
  return Math.sqrt(sq / (values.length - 1));
}

/** lm-eval's stderr of a mean metric (acc, acc_norm): sample stddev / sqrt(n). NaN for n < 2. */
export function meanStderr(values: readonly number[]): number {
  return sampleStddev(values) / Math.sqrt(values.length);
}

/**
 * lm-eval's bootstrap_stderr for the mean: chunks of min(1000, iters) resamples, chunk i drawn from
 * `random.Random(i)` with `choices` (index = floor(random() * n)); the stddev of the resampled means.
 */
export function bootstrapStderr(values: readonly number[], iters: number): number {
  const chunk = Math.min(1000, iters);
  const n = values.length;
  const means: number[] = [];
  for (let c = 0; c < Math.floor(iters / chunk); c++) {
    const rnd = new PythonRandom(c);
    for (let r = 0; r < chunk; r++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += values[Math.floor(rnd.random() * n)]!;
      means.push(sum / n);
    }
  }
  return sampleStddev(means);
}
