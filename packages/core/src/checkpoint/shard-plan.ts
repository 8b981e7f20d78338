/** One output file of a (possibly sharded) save. */
export interface Shard<T> {
  readonly fileName: string;
  readonly items: readonly T[];
}

/**
 * Splits items into consecutive shards of at most `maxShardBytes` (an item larger than the limit gets
 * a shard of its own, as HF does). One shard is named `model.safetensors`; several are
 * `model-00001-of-0000N.safetensors`.
 */
export function planShards<T>(items: readonly T[], bytesOf: (item: T) => number, maxShardBytes: number): Shard<T>[] {
  const groups: T[][] = [];
  let current: T[] = [];
  let currentBytes = 0;
  for (const item of items) {
    const bytes = bytesOf(item);
    if (current.length > 0 && currentBytes + bytes > maxShardBytes) {
      groups.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(item);
    currentBytes += bytes;
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  if (groups.length === 1) return [{ fileName: 'model.safetensors', items: groups[0] }];
  const total = String(groups.length).padStart(5, '0');
  return groups.map((group, i) => ({ fileName: `model-${String(i + 1).padStart(5, '0')}-of-${total}.safetensors`, items: group }));
}
