import type { DatasetRecord, RecordKind } from './records';

/** One thing wrong with one field of one record, in words a user can act on. */
export interface FieldIssue {
  /** JSON path inside the record: 'output', 'conversations[0].value'; '' for the record itself. */
  readonly field: string;
  readonly expected: string;
  /** A short description of what was there: 'number 5', 'missing', 'empty string'. */
  readonly received: string;
}

export type ParseOutcome<R extends DatasetRecord = DatasetRecord> =
  | { readonly ok: true; readonly record: R }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/**
 * Reads one record shape into typed records and writes it back. The file container (JSON array or
 * JSONL) is handled by the readers, so every adapter works on both.
 */
export interface DatasetAdapter<R extends DatasetRecord = DatasetRecord> {
  /** 'okapi-alpaca', 'okapi-ranking', … (what `--format` takes). */
  readonly id: string;
  readonly summary: string;
  /** The kind of typed record `parse` produces ('any' for wrappers that detect it per record). */
  readonly recordKind: RecordKind | 'any';
  /** The container this format writes; absent = from the output's extension. Reading always detects it. */
  readonly container?: 'json' | 'jsonl';
  /**
   * How well a raw record matches this shape: 0 = not at all, higher = more specific. Used to detect a
   * file's format from its first records.
   */
  detect(raw: unknown): number;
  /** Checks one raw record and converts it, or lists every field issue found. */
  parse(raw: unknown): ParseOutcome<R>;
  /** Writes a record of this adapter's kind back in its shape (convert with `convertRecordKind` first). */
  serialize(record: R): unknown;
}
