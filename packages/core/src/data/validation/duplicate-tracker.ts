import { createHash } from 'node:crypto';

/** Remembers a 16-byte digest per distinct record, so duplicates are found in bounded memory per record. */
export class DuplicateTracker {
  private readonly firstIndex = new Map<string, number>();

  /** The index of an earlier equal record, or undefined (and remembers this one). */
  check(canonical: string, index: number): number | undefined {
    const key = createHash('md5').update(canonical).digest('base64');
    const earlier = this.firstIndex.get(key);
    if (earlier === undefined) this.firstIndex.set(key, index);
    return earlier;
  }
}
