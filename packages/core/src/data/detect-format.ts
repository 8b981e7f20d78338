import { OkapiError } from '../errors/okapi-error';
import { findContribution } from '../di/find-contribution';
import type { DatasetAdapter } from './dataset-adapter';
import { openRawRecords } from './readers/read-raw-records';
import { describeValue } from './validation/field-checks';

/** How many leading records vote on the format. */
const DETECT_SAMPLE = 20;

/** The adapter whose shape best matches the given raw records, if any matches at all. */
export function detectFromRecords(records: readonly unknown[], adapters: readonly DatasetAdapter[]): DatasetAdapter | undefined {
  let best: DatasetAdapter | undefined;
  let bestScore = 0;
  for (const adapter of adapters) {
    const score = records.reduce<number>((sum, r) => sum + adapter.detect(r), 0);
    if (score > bestScore) [best, bestScore] = [adapter, score];
  }
  return best;
}

/** Detects a file's format from its first records (not from its name). */
export async function detectFormat(path: string, adapters: readonly DatasetAdapter[]): Promise<DatasetAdapter> {
  const sample: unknown[] = [];
  for await (const raw of (await openRawRecords(path)).records) {
    if (raw.error === undefined) sample.push(raw.value);
    if (sample.length >= DETECT_SAMPLE) break;
  }
  const found = detectFromRecords(sample, adapters);
  if (found !== undefined) return found;
  const first = sample.length > 0 ? describeValue(sample[0]) : 'no readable record';
  throw new OkapiError(`${path}: could not recognise the dataset format (first record: ${first}).`, {
    hint: `Name the format with --format. Known formats: ${adapters.map((a) => `${a.id} (${a.summary})`).join('; ')}.`,
  });
}

/** The adapter named by `format`, or the one detected from the file's content. */
export async function resolveAdapter(path: string, adapters: readonly DatasetAdapter[], format?: string): Promise<DatasetAdapter> {
  if (format !== undefined && format !== 'auto') return findContribution('datasetAdapter', adapters, format, 'Pass --format with one of the installed formats, or leave it out to detect it.');
  return detectFormat(path, adapters);
}
