import { OkapiError } from '../errors/okapi-error';
import { softmax } from './softmax';

/** A source of uniform numbers in [0, 1) (util/rng's `Rng` is one). */
export interface UniformSource {
  next(): number;
}

/**
 * Draws an index from softmax(logits) by inverse CDF with one uniform draw: the first index whose
 * cumulative probability exceeds u. Indices with -Infinity logits are never drawn.
 */
export function sampleFromLogits(logits: Float32Array, rng: UniformSource): number {
  const probabilities = softmax(logits);
  const u = rng.next();
  let cumulative = 0;
  let lastPossible = -1;
  for (let i = 0; i < probabilities.length; i++) {
    if (probabilities[i] === 0) continue;
    lastPossible = i;
    cumulative += probabilities[i];
    if (u < cumulative) return i;
  }
  if (lastPossible < 0) throw new OkapiError('Cannot sample: every logit is -Infinity (all tokens were filtered out)');
  return lastPossible; // rounding left the total a hair under u
}
