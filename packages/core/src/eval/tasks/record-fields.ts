import { OkapiError } from '../../errors/okapi-error';
import type { RecordLocation } from '../eval-task';

type RawRecord = Readonly<Record<string, unknown>>;

export function recordError(where: RecordLocation, field: string, problem: string, hint: string): OkapiError {
  return new OkapiError(`${where.file}, record ${where.index}: field "${field}" ${problem}`, { hint });
}

function describe(value: unknown): string {
  return value === undefined ? 'is missing' : `must be a string, found ${JSON.stringify(value)}`;
}

export function requireString(record: RawRecord, field: string, where: RecordLocation): string {
  const value = record[field];
  if (typeof value !== 'string') throw recordError(where, field, describe(value), 'Check that the file is the published dataset for this task.');
  return value;
}

/** An optional string field: missing and null both mean absent. */
export function optionalString(record: RawRecord, field: string, where: RecordLocation): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw recordError(where, field, describe(value), 'Use a string or null.');
  return value;
}

/** An integer field that may be written as a number or a numeric string (HellaSwag labels are strings). */
export function requireIndex(record: RawRecord, field: string, where: RecordLocation, count: number): number {
  const value = record[field];
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n >= count) {
    throw recordError(where, field, `must be an integer from 0 to ${count - 1}, found ${JSON.stringify(value)}`, 'The label must point at one of the choices.');
  }
  return n;
}

/** A letter answer (A, B, …) among `count` choices, or its 0-based integer. */
export function requireLetter(record: RawRecord, field: string, where: RecordLocation, count: number): number {
  const value = record[field];
  if (typeof value === 'number') return requireIndex(record, field, where, count);
  const letters = 'ABCDE'.slice(0, count);
  const index = typeof value === 'string' ? letters.indexOf(value.trim()) : -1;
  if (typeof value !== 'string' || value.trim().length !== 1 || index < 0) {
    throw recordError(where, field, `must be one of ${letters.split('').join(', ')} (the record has ${count} options), found ${JSON.stringify(value)}`, 'The answer letter must name an option present in the record.');
  }
  return index;
}
