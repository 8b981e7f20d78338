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
    const cells = rows.map((row) => columns.map((c) => formatCell(row[c])));
    const widths = fitColumns(columns, cells, terminalWidth(this.streams.stdout));
    const table = new Table({ head: columns.map((c) => pc.bold(c)), style: { head: [], border: [] }, wordWrap: true, ...(widths ? { colWidths: widths } : {}) });
    for (const row of cells) table.push(row);
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
  if (typeof value === 'number') return formatNumber(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function terminalWidth(stream: NodeJS.WritableStream): number {
  const columns = (stream as { columns?: number }).columns;
  return columns !== undefined && columns > 40 ? columns : 120;
}

/**
 * Column widths that fit `maxWidth` (borders included), shrinking the widest columns first; undefined
 * when the table already fits.
 */
export function fitColumns(columns: readonly string[], cells: readonly string[][], maxWidth: number): number[] | undefined {
  const natural = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => visibleLength(r[i] ?? ''))) + 2);
  const budget = maxWidth - (columns.length + 1);
  if (natural.reduce((a, b) => a + b, 0) <= budget) return undefined;
  const widths = [...natural];
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 12) break;
    widths[widest]! -= 1;
  }
  return widths;
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return Math.max(...text.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => [...l].length));
}

/** Four significant digits for measurements; integers as they are. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  return magnitude >= 1e5 || magnitude < 1e-3 ? value.toExponential(3) : String(Number(value.toPrecision(4)));
}
