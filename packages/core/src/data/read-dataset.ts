import { OkapiError } from '../errors/okapi-error';
import { convertRecordKind } from './convert-kind';
import type { RecordKind, RecordOfKind } from './records';
import type { DatasetReport } from './validation/dataset-report';
import { openDataset, type LoadedRecord, type OpenDatasetOptions } from './validation/open-dataset';

/** Reads a whole (small) dataset into memory; large files should iterate `openDataset` instead. */
export async function readDataset(file: string, options: OpenDatasetOptions): Promise<{ records: LoadedRecord[]; report: DatasetReport }> {
  const stream = await openDataset(file, options);
  const records: LoadedRecord[] = [];
  for await (const loaded of stream) records.push(loaded);
  return { records, report: stream.report };
}

/**
 * Reads a dataset as records of the kind a trainer needs: ranked lists become all their pairs for
 * 'pair', pairs become K = 2 lists for 'ranked', preference data gives its preferred responses for
 * 'instruction'. Instruction data for a preference trainer is an error naming the file and format.
 */
export async function readDatasetAs<K extends RecordKind>(file: string, kind: K, options: OpenDatasetOptions): Promise<{ records: RecordOfKind<K>[]; report: DatasetReport }> {
  const stream = await openDataset(file, options);
  if (stream.adapter.recordKind === 'instruction' && kind !== 'instruction') {
    throw new OkapiError(`${file} holds instruction data (format '${stream.adapter.id}'), but ${kind === 'pair' ? 'preference pairs' : 'ranked responses'} are needed here.`, {
      hint: "Reward models and DPO train on preferences: use Okapi ranking data (okapi-ranking), K-ranked lists (ranked) or ShareGPT pairs (sharegpt-pairs).",
    });
  }
  const records: RecordOfKind<K>[] = [];
  for await (const { record } of stream) records.push(...convertRecordKind(record, kind));
  return { records, report: stream.report };
}
