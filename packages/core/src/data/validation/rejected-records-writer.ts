import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { FieldIssue } from '../dataset-adapter';
import type { RawRecord } from '../readers/raw-record';

/** Writes rejected records as JSON Lines (reason, issues, and the record as it was); opened on first use. */
export class RejectedRecordsWriter {
  private stream: WriteStream | undefined;
  count = 0;

  constructor(readonly path: string) {}

  async write(raw: RawRecord, reason: string, issues: readonly FieldIssue[]): Promise<void> {
    this.stream ??= createWriteStream(this.path, { encoding: 'utf8' });
    const record = raw.error === undefined ? { record: raw.value } : { text: raw.text };
    const line = JSON.stringify({ index: raw.index, line: raw.line, reason, issues, ...record });
    this.count++;
    if (!this.stream.write(`${line}\n`)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.stream === undefined) return;
    const stream = this.stream;
    await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
}
