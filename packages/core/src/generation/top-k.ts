import { OkapiError } from '../errors/okapi-error';

/**
 * Keeps the `k` largest logits and sets the rest to -Infinity (HF TopKLogitsWarper: values tied with
 * the k-th largest are kept). k = 0 or k >= vocabulary size keeps everything.
 */
export function topKFilter(logits: Float32Array, k: number): Float32Array {
  if (!Number.isInteger(k) || k < 0) throw new OkapiError(`top_k must be a non-negative integer, got ${k}`);
  const out = Float32Array.from(logits);
  if (k === 0 || k >= logits.length) return out;
  const threshold = Float32Array.from(logits).sort((a, b) => b - a)[k - 1];
  for (let i = 0; i < out.length; i++) if (out[i] < threshold) out[i] = -Infinity;
  return out;
}
