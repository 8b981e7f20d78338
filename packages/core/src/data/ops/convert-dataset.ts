import { findContribution } from '../../di/find-contribution';
import { convertRecordKind } from '../convert-kind';
import type { DatasetAdapter } from '../dataset-adapter';
import type { DatasetRecord } from '../records';
import type { DatasetReport } from '../validation/dataset-report';
import { openDataset, type OpenDatasetOptions } from '../validation/open-dataset';
import { containerForPath, RecordWriter } from '../write-records';

export interface ConvertOptions extends OpenDatasetOptions {
  /** The target format's adapter id. */
  readonly to: string;
}

export interface ConvertResult {
  readonly report: DatasetReport;
  readonly target: string;
  readonly written: number;
}

/** The records to write for one input record (ranked → C(K,2) pairs, etc.). */
function toTarget(record: DatasetRecord, target: DatasetAdapter): DatasetRecord[] {
  return target.recordKind === 'any' ? [record] : convertRecordKind(record, target.recordKind);
}

/**
 * Streams one dataset file into another format: records are validated on the way in, converted to the
 * target's record kind, and written as a JSON array or JSON Lines (from the output's extension, or the
 * target format's own container).
 */
export async function convertDataset(input: string, output: string, options: ConvertOptions): Promise<ConvertResult> {
  const target = findContribution('datasetAdapter', options.adapters, options.to, 'Pass --to with one of the installed formats.');
  const stream = await openDataset(input, options);
  const writer = new RecordWriter(output, target.container ?? containerForPath(output));
  try {
    for await (const { record } of stream) {
      for (const converted of toTarget(record, target)) await writer.write(target.serialize(converted));
    }
  } finally {
    await writer.close();
  }
  return { report: stream.report, target: target.id, written: writer.written };
}
