import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Test-only: fixtures live beside the repository, at <repo>/../shared/fixtures/eval.
export const evalFixtures = resolve(__dirname, '../../../../../../shared/fixtures/eval');

export type RawRecord = Record<string, unknown>;

export function readFixtureJson(relative: string): RawRecord[] {
  return JSON.parse(readFileSync(resolve(evalFixtures, relative), 'utf8')) as RawRecord[];
}

export function readFixtureJsonl(relative: string): RawRecord[] {
  return readFileSync(resolve(evalFixtures, relative), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as RawRecord);
}
