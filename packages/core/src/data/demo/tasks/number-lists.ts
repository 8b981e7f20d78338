import type { Rng } from '../../../util/rng';

/** Space-separated integers, or undefined when the text is anything else. */
export function parseNumbers(text: string): number[] | undefined {
  const parts = text.trim().split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0 || !parts.every((p) => /^-?\d+$/.test(p))) return undefined;
  return parts.map(Number);
}

export function formatNumbers(values: readonly number[]): string {
  return values.join(' ');
}

/** `count` distinct integers in [0, 100). */
export function distinctNumbers(rng: Rng, count: number): number[] {
  const values = new Set<number>();
  while (values.size < count) values.add(rng.int(100));
  return [...values];
}

/** Closeness of a single-number answer: 1 if right, 0.5 / (1 + distance) if a number, else 0. */
export function scoreSingleNumber(expected: number, response: string): number {
  const values = parseNumbers(response);
  if (values === undefined || values.length !== 1) return 0;
  const distance = Math.abs(values[0]! - expected);
  return distance === 0 ? 1 : 0.5 / (1 + distance);
}

/** A list answer: 0 unless the same length; then 0.1 + 0.9 × the share of positions right (1 when all are). */
export function scoreList(expected: readonly number[], response: string): number {
  const values = parseNumbers(response);
  if (values === undefined || values.length !== expected.length) return 0;
  const right = values.filter((v, i) => v === expected[i]).length;
  return 0.1 + (0.9 * right) / expected.length;
}

/** The list with two neighbouring entries swapped: a near miss. */
export function swapNeighbours(values: readonly number[], rng: Rng): number[] {
  const out = [...values];
  const i = rng.int(out.length - 1);
  [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  return out;
}

/** A nearby wrong number (off by one, never negative). */
export function offByOne(value: number, rng: Rng): number {
  return value === 0 || rng.int(2) === 0 ? value + 1 : value - 1;
}
