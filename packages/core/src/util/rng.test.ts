import { Rng } from './rng';

/** Reference xoshiro128** written with BigInt arithmetic (an independent path from Math.imul). */
function referenceOutputs(words: [number, number, number, number], count: number): number[] {
  const mask = 0xffffffffn;
  const s = words.map(BigInt);
  const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & mask;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Number((rotl((s[1]! * 5n) & mask, 7n) * 9n) & mask));
    const t = (s[1]! << 9n) & mask;
    s[2]! ^= s[0]!; s[3]! ^= s[1]!; s[1]! ^= s[2]!; s[0]! ^= s[3]!; s[2]! ^= t;
    s[3] = rotl(s[3]!, 11n);
  }
  return out;
}

describe(Rng.name, () => {
  it('matches xoshiro128** from state [1,2,3,4] (first two outputs hand-computed: 11520, 0)', () => {
    const sut = Rng.fromState({ algorithm: 'xoshiro128**', words: [1, 2, 3, 4] });
    const got = Array.from({ length: 50 }, () => sut.nextUint32());
    expect(got.slice(0, 2)).toEqual([11520, 0]);
    expect(got).toEqual(referenceOutputs([1, 2, 3, 4], 50));
  });

  it('is deterministic per seed and differs across seeds', () => {
    const a = Rng.fromSeed(0); const b = Rng.fromSeed(0); const c = Rng.fromSeed(1);
    const seq = (r: Rng) => Array.from({ length: 8 }, () => r.nextUint32());
    const sa = seq(a);
    expect(seq(b)).toEqual(sa);
    expect(seq(c)).not.toEqual(sa);
    expect(seq(Rng.fromSeed(2 ** 32 + 1))).not.toEqual(seq(Rng.fromSeed(1)));
  });

  it('resumes bit-exactly from a JSON round trip of its state', () => {
    const sut = Rng.fromSeed('resume');
    for (let i = 0; i < 17; i++) sut.next();
    const saved = JSON.parse(JSON.stringify(sut.state()));
    const resumed = Rng.fromState(saved);
    expect(Array.from({ length: 20 }, () => resumed.next())).toEqual(Array.from({ length: 20 }, () => sut.next()));
  });

  it('draws uniform floats and unbiased ints (chi-square over 10 bins)', () => {
    const sut = Rng.fromSeed(42);
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) bins[sut.int(10)]! += 1;
    const chi = bins.reduce((acc, b) => acc + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.9); // p = 0.001 at 9 degrees of freedom
    for (let i = 0; i < 1000; i++) {
      const x = sut.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('gives standard normals with mean ~0 and variance ~1', () => {
    const sut = Rng.fromSeed(7);
    const xs = Array.from({ length: 50_000 }, () => sut.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
  });

  it('shuffles into a permutation, and forks independent streams without advancing', () => {
    const sut = Rng.fromSeed(3);
    const perm = Array.from(sut.permutation(100));
    expect([...perm].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    const before = sut.state();
    const f1 = sut.fork('a'); const f2 = sut.fork('b');
    expect(sut.state()).toEqual(before);
    expect(f1.nextUint32()).not.toEqual(f2.nextUint32());
    expect(sut.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects bad arguments', () => {
    const sut = Rng.fromSeed(0);
    expect(() => sut.int(0)).toThrow(RangeError);
    expect(() => sut.pick([])).toThrow(RangeError);
    expect(() => Rng.fromSeed(Number.NaN)).toThrow(RangeError);
  });
});
