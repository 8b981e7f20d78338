import Table from 'cli-table3';
import pc from 'picocolors';
import type { CommandOutput } from '@okapi/core';

export interface OutputStreams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Results on stdout (tables, or JSON with --json), human messages on stderr. */
export class TerminalOutput implements CommandOutput {
  constructor(private readonly streams: OutputStreams, readonly jsonMode: boolean) {}

  print(text: string): void {
    this.streams.stdout.write(`${text}\n`);
  }

  json(value: unknown): void {
    this.print(JSON.stringify(value, null, 2));
  }

  table(rows: readonly Record<string, unknown>[], options: { columns?: readonly string[]; title?: string } = {}): void {
    if (this.jsonMode) return this.json(rows);
    const columns = options.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const table = new Table({ head: columns.map((c) => pc.bold(c)), style: { head: [], border: [] } });
    for (const row of rows) table.push(columns.map((c) => formatCell(row[c])));
    if (options.title !== undefined) this.print(pc.bold(options.title));
    this.print(table.toString());
  }

  info(text: string): void {
    this.streams.stderr.write(`${text}\n`);
  }

  warn(text: string): void {
    this.streams.stderr.write(`${pc.yellow('warning')} ${text}\n`);
  }
}

function formatCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? pc.green('yes') : pc.red('no');
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
