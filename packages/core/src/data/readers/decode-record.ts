import type { RawRecord } from './raw-record';

const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** Decodes and parses one record's bytes; problems become `error` instead of exceptions. */
export function decodeRecord(bytes: Uint8Array, index: number, line: number): RawRecord {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    return { index, line, text: lossy.decode(bytes), error: `not valid UTF-8 (byte ${firstInvalidByte(bytes)} of the record); re-encode the file as UTF-8` };
  }
  try {
    return { index, line, text, value: JSON.parse(text) };
  } catch (e) {
    return { index, line, text, error: `invalid JSON: ${(e as Error).message}` };
  }
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on the longest valid prefix (prefix validity is monotone up to a split sequence).
  while (hi - lo > 4) {
    const mid = (lo + hi) >> 1;
    if (isValidPrefix(bytes.subarray(0, mid))) lo = mid; else hi = mid;
  }
  return lo;
}

function isValidPrefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
