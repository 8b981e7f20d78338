import { Rng } from '../util/rng';

/**
 * How many records each split gets: splits after the first get ceil(fraction · n) (as Hugging Face's
 * train_test_split sizes its test split), the first split the rest.
 */
export function splitSizes(n: number, fractions: readonly number[]): number[] {
  const total = fractions.reduce((a, b) => a + b, 0);
  if (fractions.length < 2 || fractions.some((f) => !(f > 0)) || Math.abs(total - 1) > 1e-9) {
    throw new RangeError(`Split fractions must be ≥ 2 positive numbers summing to 1, got ${fractions.join(', ')}`);
  }
  const tail = fractions.slice(1).map((f) => Math.ceil(f * n - 1e-9));
  const head = n - tail.reduce((a, b) => a + b, 0);
  if (head < 0) throw new RangeError(`Cannot split ${n} records into fractions ${fractions.join(', ')}`);
  return [head, ...tail];
}

/**
 * Which split each of n records goes to (0 = first), from a seeded permutation: the same (n, fractions,
 * seed) always gives the same assignment, and the records of one split keep their file order.
 */
export function assignSplits(n: number, fractions: readonly number[], seed: number | string): Uint8Array {
  const sizes = splitSizes(n, fractions);
  const order = Rng.fromSeed(seed).fork('split').permutation(n);
  const assignment = new Uint8Array(n);
  let position = 0;
  sizes.forEach((size, split) => {
    for (let i = 0; i < size; i++) assignment[order[position++]!] = split;
  });
  return assignment;
}

/** A seeded shuffle that leaves its input alone. */
export function shuffled<T>(items: readonly T[], seed: number | string): T[] {
  return Rng.fromSeed(seed).fork('shuffle').shuffle([...items]);
}

/**
 * Uniform sample of k items from a stream of unknown length in O(k) memory (Algorithm R), seeded.
 * `items()` returns the sample in stream order.
 */
export class ReservoirSample<T> {
  private readonly reservoir: { index: number; item: T }[] = [];
  private seen = 0;
  private readonly rng: Rng;

  constructor(readonly size: number, seed: number | string) {
    this.rng = Rng.fromSeed(seed).fork('sample');
  }

  offer(item: T): void {
    const index = this.seen++;
    if (this.reservoir.length < this.size) { this.reservoir.push({ index, item }); return; }
    const j = this.rng.int(index + 1);
    if (j < this.size) this.reservoir[j] = { index, item };
  }

  items(): T[] {
    return [...this.reservoir].sort((a, b) => a.index - b.index).map((e) => e.item);
  }
}
