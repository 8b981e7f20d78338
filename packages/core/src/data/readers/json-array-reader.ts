import { DatasetFileError } from '../dataset-errors';
import { byteChunks, joinParts } from './byte-chunks';
import { decodeRecord } from './decode-record';
import { JsonArrayScanner, JsonStructureError } from './json-array-scanner';
import type { RawRecord } from './raw-record';

/** A JSON array of records, streamed: one element is parsed at a time. */
export async function* readJsonArray(path: string): AsyncGenerator<RawRecord> {
  const scanner = new JsonArrayScanner();
  let index = 0;
  try {
    for await (const chunk of byteChunks(path)) {
      for (const element of scanner.push(chunk)) yield decodeRecord(joinParts(element.parts), index++, element.line);
    }
    scanner.finish();
  } catch (e) {
    if (!(e instanceof JsonStructureError)) throw e;
    throw new DatasetFileError(path, e.message, 'Okapi data files are one JSON array of objects; JSON Lines files have one object per line (.jsonl).', e.line);
  }
}
