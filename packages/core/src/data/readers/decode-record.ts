import { isUtf8 } from 'node:buffer';
import type { RawRecord } from './raw-record';

/** Decodes and parses one record's bytes; problems become `error` instead of exceptions. */
export function decodeRecord(bytes: Buffer, index: number, line: number): RawRecord {
  const text = bytes.toString('utf8');
  if (!isUtf8(bytes)) {
    return { index, line, text, error: `not valid UTF-8 (byte ${firstInvalidByte(bytes)} of the record); re-encode the file as UTF-8` };
  }
  try {
    return { index, line, text, value: JSON.parse(text) };
  } catch (e) {
    return { index, line, text, error: `invalid JSON: ${(e as Error).message}` };
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, for the error message. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    const trailing = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (trailing < 0) return i;
    for (let k = 1; k <= trailing; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += trailing + 1;
  }
  return 0; // only overlong or surrogate forms fail; point at the start
}
