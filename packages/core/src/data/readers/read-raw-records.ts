import { readJsonArray } from './json-array-reader';
import { readJsonl } from './jsonl-reader';
import type { Container, RawRecord } from './raw-record';
import { sniffContainer } from './sniff-container';

export interface RawRecordStream {
  readonly container: Container;
  readonly records: AsyncIterable<RawRecord>;
}

/** Opens a dataset file as a stream of raw records, detecting JSON array vs JSON Lines from content. */
export async function openRawRecords(path: string, container?: Container): Promise<RawRecordStream> {
  const detected = container ?? await sniffContainer(path);
  return { container: detected, records: detected === 'json' ? readJsonArray(path) : readJsonl(path) };
}
