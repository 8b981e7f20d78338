import { ReservoirSample } from '../split';
import type { DatasetRecord } from '../records';
import type { DatasetReport } from '../validation/dataset-report';
import { openDataset, type OpenDatasetOptions } from '../validation/open-dataset';
import { RecordWriter } from '../write-records';

export interface SampleOptions extends OpenDatasetOptions {
  readonly size: number;
  readonly seed: number;
}

/** Writes a seeded uniform sample of `size` records (in file order) in one pass and O(size) memory. */
export async function sampleDataset(input: string, output: string, options: SampleOptions): Promise<{ report: DatasetReport; written: number }> {
  const stream = await openDataset(input, options);
  const sample = new ReservoirSample<DatasetRecord>(options.size, options.seed);
  for await (const { record } of stream) sample.offer(record);
  const writer = new RecordWriter(output);
  try {
    for (const record of sample.items()) await writer.write(stream.adapter.serialize(record));
  } finally {
    await writer.close();
  }
  return { report: stream.report, written: writer.written };
}
