/**
 * The one seeded random number generator of Okapi.ts: xoshiro128** (Blackman & Vigna) over four
 * 32-bit words, seeded through splitmix32. Small, fast in JS (32-bit integer ops only) and its whole
 * state is four numbers, so runs can save it in a checkpoint and resume bit-exactly.
 */
export interface RngState {
  readonly algorithm: 'xoshiro128**';
  readonly words: readonly [number, number, number, number];
}

const TWO_POW_32 = 4294967296;

/** splitmix32: spreads one seed word into well-mixed words (also used to hash labels for `fork`). */
function splitmix32(x: number): [number, number] {
  const next = (x + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** FNV-1a of a string, so seeds may be labels ('split', 'demo/vi'). */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function seedWord(seed: number | string): number {
  if (typeof seed === 'string') return hashString(seed);
  if (!Number.isFinite(seed)) throw new RangeError(`Rng seed must be a finite number, got ${seed}`);
  // Fold integers beyond 32 bits in, so seeds 1 and 2**32 + 1 differ.
  return ((seed >>> 0) ^ Math.floor(seed / TWO_POW_32)) >>> 0;
}

export class Rng {
  private constructor(private s0: number, private s1: number, private s2: number, private s3: number) {}

  static fromSeed(seed: number | string): Rng {
    let x = seedWord(seed);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix32(x);
      x = next;
      words.push(out);
    }
    if (!words.some((w) => w !== 0)) words[0] = 1; // the all-zero state is a fixed point
    return new Rng(words[0]!, words[1]!, words[2]!, words[3]!);
  }

  static fromState(state: RngState): Rng {
    if (state.algorithm !== 'xoshiro128**' || state.words.length !== 4) {
      throw new RangeError(`Unsupported RNG state: ${JSON.stringify(state)}`);
    }
    const [a, b, c, d] = state.words;
    return new Rng(a >>> 0, b >>> 0, c >>> 0, d >>> 0);
  }

  /** A JSON-serialisable snapshot; `Rng.fromState(r.state())` continues the same sequence. */
  state(): RngState {
    return { algorithm: 'xoshiro128**', words: [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0] };
  }

  clone(): Rng {
    return Rng.fromState(this.state());
  }

  /** An independent stream derived from this one's current state and a label (does not advance this). */
  fork(label: string): Rng {
    return Rng.fromSeed((hashString(label) ^ this.s0 ^ Math.imul(this.s3, 0x9e3779b1)) >>> 0);
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform float in [0, 1) with 53 random bits. */
  next(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** Uniform integer in [0, n), without modulo bias. */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > TWO_POW_32) throw new RangeError(`Rng.int needs 1 <= n <= 2^32, got ${n}`);
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  intBetween(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** Standard normal sample (Box–Muller). */
  normal(): number {
    const u = 1 - this.next(); // (0, 1]: log is finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }

  /** A random permutation of 0 … n-1. */
  permutation(n: number): Uint32Array {
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = out[i]!;
      out[i] = out[j]!;
      out[j] = tmp;
    }
    return out;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
