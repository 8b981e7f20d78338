import { byteChunks, joinParts } from './byte-chunks';
import { decodeRecord } from './decode-record';
import type { RawRecord } from './raw-record';

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}

/** JSON Lines: one record per non-blank line, streamed chunk by chunk. */
export async function* readJsonl(path: string): AsyncGenerator<RawRecord> {
  let parts: Buffer[] = [];
  let line = 1;
  let index = 0;
  for await (const chunk of byteChunks(path)) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      parts.push(chunk.subarray(start, nl));
      const bytes = joinParts(parts);
      parts = [];
      if (!isBlank(bytes)) yield decodeRecord(bytes, index++, line);
      line++;
      start = nl + 1;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  }
  if (parts.length > 0) {
    const bytes = joinParts(parts);
    if (!isBlank(bytes)) yield decodeRecord(bytes, index, line);
  }
}
