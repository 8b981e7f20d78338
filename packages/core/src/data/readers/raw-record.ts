/** One record as read from a file, before any adapter looked at it. */
export interface RawRecord {
  /** 0-based position among the file's records. */
  readonly index: number;
  /** 1-based line where the record starts. */
  readonly line: number;
  /** The record's source text (lossy-decoded if it was not valid UTF-8); for rejected-record files. */
  readonly text: string;
  /** The parsed JSON value, when `error` is absent. */
  readonly value?: unknown;
  /** Why the record could not be read (bad JSON, bad UTF-8). */
  readonly error?: string;
}

export type Container = 'json' | 'jsonl';
