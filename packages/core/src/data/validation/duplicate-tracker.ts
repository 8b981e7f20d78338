import type { DatasetRecord } from '../records';

/**
 * Remembers a 53-bit fingerprint per distinct record (two independent 32-bit FNV-1a-style hashes over
 * the fields' UTF-16 code units: no serialising, no encoding), so duplicates are found at ~30 bytes per
 * record. The chance of a false duplicate among 10^6 distinct records is about 10^-4.
 */
export class DuplicateTracker {
  private readonly firstIndex = new Map<number, number>();

  /** The index of an earlier equal record, or undefined (and remembers this one). */
  check(record: DatasetRecord, index: number): number | undefined {
    const key = fingerprint(record);
    const earlier = this.firstIndex.get(key);
    if (earlier === undefined) this.firstIndex.set(key, index);
    return earlier;
  }
}

/** The record's texts in a fixed order; the separator cannot be confused with text. */
function fieldsOf(record: DatasetRecord): readonly (string | number)[] {
  const context = [record.system ?? '', ...(record.history ?? []).flatMap((t) => [t.user, t.assistant])];
  const head = [record.kind, record.instruction, record.input, ...context];
  if (record.kind === 'instruction') return [...head, record.output];
  if (record.kind === 'pair') return [...head, record.chosen, record.rejected];
  return [...head, ...record.responses, ...record.ranks];
}

function fingerprint(record: DatasetRecord): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const field of fieldsOf(record)) {
    const text = typeof field === 'number' ? String(field) : field;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a = Math.imul(a ^ 0x1f, 0x01000193); // field separator (a code unit no field ends on by itself)
    b = Math.imul(b ^ (text.length + 0x10000), 0x5bd1e995);
  }
  return (a >>> 0) * 2097152 + ((b >>> 0) & 0x1fffff);
}
