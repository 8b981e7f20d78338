import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Container } from './readers/raw-record';

/** The container a path asks for: `.jsonl` → JSON Lines, anything else → a JSON array. */
export function containerForPath(path: string): Container {
  return /\.jsonl$/i.test(path) ? 'jsonl' : 'json';
}

/**
 * Streams records to a file as a JSON array (one record per line, like Okapi's files but compact) or as
 * JSON Lines, with back-pressure, so converting a 300 MB file never holds it in memory.
 */
export class RecordWriter {
  private readonly stream: WriteStream;
  private count = 0;

  constructor(readonly path: string, readonly container: Container = containerForPath(path)) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }

  get written(): number {
    return this.count;
  }

  async write(value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    const text = this.container === 'jsonl' ? `${json}\n` : `${this.count === 0 ? '[\n' : ',\n'}${json}`;
    this.count++;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.container === 'json') this.stream.write(this.count === 0 ? '[]\n' : '\n]\n');
    const stream = this.stream;
    await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
}
