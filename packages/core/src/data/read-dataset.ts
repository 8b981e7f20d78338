import type { DatasetReport } from './validation/dataset-report';
import { openDataset, type LoadedRecord, type OpenDatasetOptions } from './validation/open-dataset';

/** Reads a whole (small) dataset into memory; large files should iterate `openDataset` instead. */
export async function readDataset(file: string, options: OpenDatasetOptions): Promise<{ records: LoadedRecord[]; report: DatasetReport }> {
  const stream = await openDataset(file, options);
  const records: LoadedRecord[] = [];
  for await (const loaded of stream) records.push(loaded);
  return { records, report: stream.report };
}
