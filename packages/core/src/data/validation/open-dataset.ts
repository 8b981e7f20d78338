import type { DatasetAdapter, FieldIssue, ParseOutcome } from '../dataset-adapter';
import { DatasetFileError, formatLocation, type DatasetLocation } from '../dataset-errors';
import { resolveAdapter } from '../detect-format';
import { openRawRecords } from '../readers/read-raw-records';
import type { RawRecord } from '../readers/raw-record';
import type { DatasetRecord } from '../records';
import { emptyReport, type DatasetReport, type RejectedRecord } from './dataset-report';
import { DuplicateTracker } from './duplicate-tracker';
import { formatIssue, InvalidRecordError } from './invalid-record-error';
import { RejectedRecordsWriter } from './rejected-records-writer';

export type InvalidPolicy = 'fail' | 'skip';

export interface OpenDatasetOptions {
  readonly adapters: readonly DatasetAdapter[];
  /** Adapter id; omitted or 'auto' = detected from content. */
  readonly format?: string;
  /** 'fail' (default) throws on the first invalid record; 'skip' drops it, counts it and writes it aside. */
  readonly onInvalid?: InvalidPolicy;
  /** Where skipped records go; default `<file>.rejected.jsonl`; null = nowhere (validate-only runs). */
  readonly rejectedPath?: string | null;
  /** Drop records equal to an earlier one (they are always counted). */
  readonly dedupe?: boolean;
  /** How many rejections the report keeps for display (all are counted and written). */
  readonly maxRejectedKept?: number;
}

export interface LoadedRecord<R extends DatasetRecord = DatasetRecord> {
  readonly record: R;
  readonly location: DatasetLocation;
}

/** A dataset file as a stream of validated typed records; `report` fills in as it is read. */
export interface DatasetStream extends AsyncIterable<LoadedRecord> {
  readonly adapter: DatasetAdapter;
  readonly report: DatasetReport;
}

/** Opens a dataset file: resolves its format, then streams validated records under the invalid-record policy. */
export async function openDataset(file: string, options: OpenDatasetOptions): Promise<DatasetStream> {
  const adapter = await resolveAdapter(file, options.adapters, options.format);
  const report = emptyReport(file);
  report.format = adapter.id;
  return { adapter, report, [Symbol.asyncIterator]: () => streamRecords(file, adapter, report, options) };
}

async function* streamRecords(file: string, adapter: DatasetAdapter, report: DatasetReport, options: OpenDatasetOptions): AsyncGenerator<LoadedRecord> {
  const raw = await openRawRecords(file);
  report.container = raw.container;
  const policy = new RejectionPolicy(file, report, options);
  const duplicates = new DuplicateTracker();
  try {
    for await (const rawRecord of raw.records) {
      report.total++;
      const location: DatasetLocation = { file, index: rawRecord.index, line: rawRecord.line };
      const outcome = rawRecord.error === undefined ? adapter.parse(rawRecord.value) : undefined;
      if (outcome?.ok !== true) {
        await rejectUnusable(rawRecord, location, outcome, policy);
        continue;
      }
      const { record } = outcome;
      const earlier = duplicates.check(record, rawRecord.index);
      if (earlier !== undefined) {
        report.duplicates++;
        if (options.dedupe) { await policy.reject(rawRecord, location, 'duplicate', `duplicate of record ${earlier}`, []); continue; }
      }
      report.accepted++;
      yield { record, location };
    }
  } finally {
    await policy.close();
  }
  if (report.total === 0) throw new DatasetFileError(file, 'the file holds no records', 'A dataset needs at least one record; check the path and the export that produced it.');
}

/** Records that could not be read, or that the adapter found invalid, go through the policy. */
async function rejectUnusable(raw: RawRecord, at: DatasetLocation, outcome: ParseOutcome | undefined, policy: RejectionPolicy): Promise<void> {
  if (outcome === undefined || outcome.ok) await policy.reject(raw, at, 'unreadable', raw.error ?? 'unreadable', []);
  else await policy.reject(raw, at, 'invalid', outcome.issues.map(formatIssue).join('; '), outcome.issues);
}

/** Applies --on-invalid: throw, or count + keep for display + write to the side file. */
class RejectionPolicy {
  private readonly writer: RejectedRecordsWriter | undefined;
  private readonly keep: number;

  constructor(file: string, private readonly report: DatasetReport, private readonly options: OpenDatasetOptions) {
    const path = options.rejectedPath === undefined ? `${file}.rejected.jsonl` : options.rejectedPath;
    this.writer = path === null ? undefined : new RejectedRecordsWriter(path);
    this.keep = options.maxRejectedKept ?? 100;
  }

  async reject(raw: RawRecord, location: DatasetLocation, reason: RejectedRecord['reason'], message: string, issues: readonly FieldIssue[]): Promise<void> {
    if (reason !== 'duplicate') {
      if ((this.options.onInvalid ?? 'fail') === 'fail') throw new InvalidRecordError(location, message, issues);
      this.report.invalid++;
    }
    if (this.report.rejected.length < this.keep) this.report.rejected.push({ location, reason, message, issues });
    if (this.writer !== undefined) {
      await this.writer.write(raw, message, issues);
      this.report.rejectedFile = this.writer.path;
    }
  }

  async close(): Promise<void> {
    await this.writer?.close();
  }
}

/** One line per rejection, for logs and `okapi data validate`. */
export function describeRejection(r: RejectedRecord): string {
  return `${formatLocation(r.location)}: ${r.reason}: ${r.message}`;
}
