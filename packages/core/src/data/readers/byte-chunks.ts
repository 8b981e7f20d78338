import { createReadStream } from 'node:fs';

/** Chunk size for streaming reads: large enough for throughput, small enough for bounded memory. */
export const READ_CHUNK_BYTES = 1 << 20;

/** The file's bytes in chunks, with a leading UTF-8 byte order mark removed. */
export async function* byteChunks(path: string): AsyncGenerator<Buffer> {
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) {
    let bytes = chunk as Buffer;
    if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    first = false;
    yield bytes;
  }
}

/** Joins the pieces of one record that spanned chunk boundaries. */
export function joinParts(parts: Buffer[]): Buffer {
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}
