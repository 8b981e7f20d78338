/**
 * Remembers a 53-bit fingerprint per distinct record (two independent 32-bit FNV-1a-style hashes over
 * the UTF-16 code units, no encoding step), so duplicates are found at ~30 bytes per record. The chance
 * of a false duplicate among 10^6 distinct records is about 10^-4.
 */
export class DuplicateTracker {
  private readonly firstIndex = new Map<number, number>();

  /** The index of an earlier equal record, or undefined (and remembers this one). */
  check(canonical: string, index: number): number | undefined {
    const key = fingerprint(canonical);
    const earlier = this.firstIndex.get(key);
    if (earlier === undefined) this.firstIndex.set(key, index);
    return earlier;
  }
}

function fingerprint(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 2097152 + ((b >>> 0) & 0x1fffff);
}
