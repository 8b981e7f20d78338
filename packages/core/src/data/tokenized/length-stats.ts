/** Summary of a set of lengths (tokens or characters). */
export interface LengthSummary {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  /** How many exceed the limit given to `summary` (e.g. Okapi's max length 512). */
  readonly overLimit: number;
  /** Counts per bucket [edges[i], edges[i+1]); the last bucket is open-ended. */
  readonly histogram: readonly { readonly from: number; readonly to: number | null; readonly count: number }[];
}

/** Collects lengths in a compact typed array (4 bytes per record) and summarises them. */
export class LengthStats {
  private values = new Int32Array(1024);
  private n = 0;

  add(length: number): void {
    if (this.n === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.n++] = length;
  }

  get count(): number {
    return this.n;
  }

  /** Nearest-rank percentiles; buckets are powers of two from 16 unless `edges` are given. */
  summary(limit = Infinity, edges: readonly number[] = defaultEdges(this.max())): LengthSummary {
    const sorted = this.values.slice(0, this.n).sort();
    const at = (q: number): number => (this.n === 0 ? 0 : sorted[Math.min(this.n - 1, Math.ceil(q * this.n) - 1)]!);
    let sum = 0;
    for (const v of sorted) sum += v;
    const histogram = edges.map((from, i) => {
      const to = i + 1 < edges.length ? edges[i + 1]! : null;
      return { from, to, count: sorted.filter((v) => v >= from && (to === null || v < to)).length };
    });
    return {
      count: this.n, min: this.n === 0 ? 0 : sorted[0]!, max: this.max(), mean: this.n === 0 ? 0 : sum / this.n,
      p50: at(0.5), p90: at(0.9), p99: at(0.99), overLimit: sorted.filter((v) => v > limit).length, histogram,
    };
  }

  private max(): number {
    let m = 0;
    for (let i = 0; i < this.n; i++) m = Math.max(m, this.values[i]!);
    return m;
  }
}

function defaultEdges(max: number): number[] {
  const edges = [0];
  for (let e = 16; e <= Math.max(16, max); e *= 2) edges.push(e);
  return edges;
}
