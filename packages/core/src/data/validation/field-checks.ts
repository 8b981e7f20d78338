import type { FieldIssue } from '../dataset-adapter';

/** A short, bounded description of a JSON value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value.length === 0) return 'empty string';
    if (value.trim().length === 0) return 'whitespace-only string';
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `string ${JSON.stringify(shown)}`;
  }
  if (Array.isArray(value)) return `array of ${value.length}`;
  if (typeof value === 'object') return `object with keys ${Object.keys(value).slice(0, 6).join(', ') || '(none)'}`;
  return `${typeof value} ${String(value)}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects issues while reading fields of one raw record. */
export class FieldReader {
  readonly issues: FieldIssue[] = [];

  constructor(private readonly raw: Record<string, unknown>, private readonly prefix = '') {}

  /** A string that must contain something besides whitespace. */
  text(field: string): string {
    return this.check(field, this.raw[field], false);
  }

  /** A string that may be empty ('' is Okapi's "no input"); missing counts as '' only if `optional`. */
  optionalText(field: string, optional = false): string {
    const value = this.raw[field];
    if (value === undefined && optional) return '';
    return this.check(field, value, true);
  }

  fail(field: string, expected: string, received: string): void {
    this.issues.push({ field: this.path(field), expected, received });
  }

  private check(field: string, value: unknown, allowEmpty: boolean): string {
    if (typeof value === 'string' && (allowEmpty || value.trim().length > 0)) return value;
    this.fail(field, allowEmpty ? 'string' : 'non-empty string', describeValue(value));
    return '';
  }

  private path(field: string): string {
    return this.prefix === '' ? field : `${this.prefix}.${field}`;
  }
}

/** The issue for a record that is not a JSON object at all. */
export function notAnObject(raw: unknown): FieldIssue {
  return { field: '', expected: 'a JSON object (one record)', received: describeValue(raw) };
}

/** Scores how many of `keys` a raw record has (format detection). */
export function keyScore(raw: unknown, required: readonly string[], optional: readonly string[] = []): number {
  if (!isPlainObject(raw)) return 0;
  if (!required.every((k) => k in raw)) return 0;
  const extra = Object.keys(raw).filter((k) => !required.includes(k) && !optional.includes(k)).length;
  return required.length * 10 + optional.filter((k) => k in raw).length * 2 - extra;
}
