/** Prefill lengths compiled once each: powers of two from 8, capped at `cap` (≥ length). */
export function prefillBucket(length: number, cap: number): number {
  let bucket = 8;
  while (bucket < length) bucket *= 2;
  return Math.max(length, Math.min(bucket, cap));
}
