/** Prefill lengths compiled once each: powers of two from 8, capped by the cache length. */
export function prefillBucket(length: number, maxLength: number): number {
  let bucket = 8;
  while (bucket < length) bucket *= 2;
  return Math.min(bucket, maxLength);
}
