import { open } from 'node:fs/promises';
import { DatasetFileError } from '../dataset-errors';
import type { Container } from './raw-record';

const SNIFF_LIMIT = 16 << 20;

/** Reads the file's head until `enough` says it has what it needs (or the limit / end of file). */
async function readHead(path: string, enough: (head: Buffer) => boolean): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(Math.min(64 << 10, SNIFF_LIMIT - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, total);
      if (bytesRead === 0) break;
      parts.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      const head = Buffer.concat(parts);
      if (enough(head) || total >= SNIFF_LIMIT) return head;
    }
    return Buffer.concat(parts);
  } finally {
    await handle.close();
  }
}

function firstSignificant(head: Buffer): number {
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  for (let i = start; i < head.length; i++) {
    const c = head[i]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
  }
  return -1;
}

/** A '{' file is JSON Lines when its first line is a complete JSON object. */
function firstLineIsObject(head: Buffer, from: number): boolean {
  const nl = head.indexOf(0x0a, from);
  const line = head.subarray(from, nl === -1 ? head.length : nl).toString('utf8');
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Decides JSON array vs JSON Lines from the content; empty files and other top-level values are errors. */
export async function sniffContainer(path: string): Promise<Container> {
  const head = await readHead(path, (h) => { const s = firstSignificant(h); return s !== -1 && h.indexOf(0x0a, s) !== -1; });
  const start = firstSignificant(head);
  if (start === -1) {
    throw new DatasetFileError(path, 'the file is empty (no records)', 'Check the path, or regenerate the file; a dataset needs at least one record.');
  }
  const c = head[start]!;
  if (c === 0x5b) return 'json';
  if (c === 0x7b && firstLineIsObject(head, start)) return 'jsonl';
  const line = head.subarray(0, start).toString('latin1').split('\n').length;
  const what = c === 0x7b ? 'a single JSON object' : `'${String.fromCharCode(c)}…' (not an array of records)`;
  throw new DatasetFileError(path, `the top-level value is ${what}; expected a JSON array of records or JSON Lines`,
    'Okapi data files are one JSON array [ {...}, ... ]. If your records sit under a key such as "data", extract them first (e.g. jq .data in.json > out.json).', line);
}
