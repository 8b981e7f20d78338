import { readFile } from 'node:fs/promises';
import { OkapiError } from '../errors/okapi-error';

type RawRecord = Readonly<Record<string, unknown>>;

function asRecord(value: unknown, file: string, index: number): RawRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OkapiError(`${file}, record ${index}: expected a JSON object, found ${JSON.stringify(value)?.slice(0, 80)}`, {
      hint: 'Eval data files are JSON arrays of objects, or JSONL with one object per line.',
    });
  }
  return value as RawRecord;
}

function parseJsonl(text: string, file: string): RawRecord[] {
  const records: RawRecord[] = [];
  text.split('\n').forEach((line, lineIndex) => {
    if (line.trim() === '') return;
    try {
      records.push(asRecord(JSON.parse(line), file, records.length));
    } catch (cause) {
      if (cause instanceof OkapiError) throw cause;
      throw new OkapiError(`${file}, line ${lineIndex + 1}: not valid JSON (${(cause as Error).message})`, { cause, hint: 'Each line of a .jsonl file must be one JSON object.' });
    }
  });
  return records;
}

/** Reads an eval data file: a JSON array of objects, or JSONL (by content, whatever the extension). */
export async function readRecords(file: string): Promise<RawRecord[]> {
  const text = (await readFile(file, 'utf8')).replace(/^\ufeff/u, '');
  if (!text.trimStart().startsWith('[')) return parseJsonl(text, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new OkapiError(`${file}: not valid JSON (${(cause as Error).message})`, { cause, hint: 'Re-download the file; it may be truncated.' });
  }
  return (parsed as unknown[]).map((value, index) => asRecord(value, file, index));
}
