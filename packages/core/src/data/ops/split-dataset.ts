import { assignSplits, splitSizes } from '../split';
import type { DatasetReport } from '../validation/dataset-report';
import { openDataset, type OpenDatasetOptions } from '../validation/open-dataset';
import { RecordWriter } from '../write-records';

export interface SplitOptions extends OpenDatasetOptions {
  /** One fraction per output, summing to 1 (Okapi: SFT 0.9/0.1, PPO 0.95/0.05). */
  readonly fractions: readonly number[];
  readonly seed: number;
}

export interface SplitResult {
  readonly report: DatasetReport;
  readonly counts: readonly number[];
}

/**
 * Splits a file into several, deterministically from the seed, in two streaming passes (count, then
 * write), so memory is one byte per record. Records keep their format and their order within a split.
 */
export async function splitDataset(input: string, outputs: readonly string[], options: SplitOptions): Promise<SplitResult> {
  if (outputs.length !== options.fractions.length) throw new RangeError(`${outputs.length} outputs for ${options.fractions.length} fractions`);
  const counting = await openDataset(input, options);
  let n = 0;
  for await (const loaded of counting) { void loaded; n++; }
  splitSizes(n, options.fractions);
  const assignment = assignSplits(n, options.fractions, options.seed);
  const writing = await openDataset(input, { ...options, format: counting.adapter.id, rejectedPath: null });
  const writers = outputs.map((path) => new RecordWriter(path));
  try {
    let i = 0;
    for await (const { record } of writing) await writers[assignment[i++]!]!.write(counting.adapter.serialize(record));
  } finally {
    for (const w of writers) await w.close();
  }
  return { report: counting.report, counts: writers.map((w) => w.written) };
}
