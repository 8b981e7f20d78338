import { OkapiError } from '../errors/okapi-error';
import { softmax } from './softmax';

/**
 * Nucleus filtering as HF's TopPLogitsWarper does it: sort ascending, and remove every token whose
 * cumulative probability (counted from the least likely) is <= 1 - top_p; the most likely token always stays.
 * top_p = 1 keeps everything.
 */
export function topPFilter(logits: Float32Array, topP: number): Float32Array {
  if (!(topP > 0 && topP <= 1)) throw new OkapiError(`top_p must be in (0, 1], got ${topP}`);
  const out = Float32Array.from(logits);
  if (topP === 1) return out;
  const probabilities = softmax(logits);
  const ascending = [...logits.keys()].sort((a, b) => logits[a] - logits[b] || b - a);
  let cumulative = 0;
  for (let rank = 0; rank < ascending.length - 1; rank++) {
    cumulative += probabilities[ascending[rank]];
    if (cumulative > 1 - topP) break;
    out[ascending[rank]] = -Infinity;
  }
  return out;
}
