import type { FieldIssue } from '../dataset-adapter';
import type { DatasetLocation } from '../dataset-errors';
import type { Container } from '../readers/raw-record';

/** Why one record was not used. */
export interface RejectedRecord {
  readonly location: DatasetLocation;
  /** 'invalid', 'unreadable' (bad JSON / UTF-8) or 'duplicate'. */
  readonly reason: 'invalid' | 'unreadable' | 'duplicate';
  readonly message: string;
  readonly issues: readonly FieldIssue[];
}

/** What reading one dataset file found; filled while the stream is consumed. */
export interface DatasetReport {
  readonly file: string;
  format: string;
  container: Container | undefined;
  /** Records in the file (valid or not). */
  total: number;
  /** Records yielded to the consumer. */
  accepted: number;
  invalid: number;
  /** Records equal to an earlier record (after parsing); dropped only with `dedupe`. */
  duplicates: number;
  /** The first `maxRejectedKept` rejections, for display. */
  readonly rejected: RejectedRecord[];
  /** The side file holding every rejected record, if any was written. */
  rejectedFile: string | undefined;
}

export function emptyReport(file: string): DatasetReport {
  return { file, format: '', container: undefined, total: 0, accepted: 0, invalid: 0, duplicates: 0, rejected: [], rejectedFile: undefined };
}
