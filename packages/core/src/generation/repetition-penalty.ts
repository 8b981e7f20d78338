import { OkapiError } from '../errors/okapi-error';

/**
 * HF RepetitionPenaltyLogitsProcessor (CTRL paper): for every distinct id already in the sequence,
 * a positive logit is divided by `penalty` and a negative one multiplied by it. 1 changes nothing.
 */
export function applyRepetitionPenalty(logits: Float32Array, previousIds: readonly number[], penalty: number): Float32Array {
  if (!(penalty > 0) || !Number.isFinite(penalty)) throw new OkapiError(`repetition_penalty must be a positive number, got ${penalty}`);
  const out = Float32Array.from(logits);
  if (penalty === 1) return out;
  for (const id of new Set(previousIds)) {
    if (id < 0 || id >= out.length) continue;
    out[id] = out[id] < 0 ? out[id] * penalty : out[id] / penalty;
  }
  return out;
}
