import { assignSplits, ReservoirSample, shuffled, splitSizes } from './split';

describe(splitSizes.name, () => {
  it("sizes the held-out split like Hugging Face's train_test_split (ceil)", () => {
    expect(splitSizes(1000, [0.9, 0.1])).toEqual([900, 100]);
    expect(splitSizes(1005, [0.9, 0.1])).toEqual([904, 101]); // ceil(100.5) = 101
    expect(splitSizes(64, [0.95, 0.05])).toEqual([60, 4]); // ceil(3.2) = 4
    expect(splitSizes(10, [0.8, 0.1, 0.1])).toEqual([8, 1, 1]);
  });

  it('rejects fractions that do not sum to 1', () => {
    expect(() => splitSizes(10, [0.9, 0.2])).toThrow(RangeError);
    expect(() => splitSizes(10, [1])).toThrow(RangeError);
  });
});

describe(assignSplits.name, () => {
  it('is deterministic per seed, has the right sizes, and differs across seeds', () => {
    const a = assignSplits(1000, [0.9, 0.1], 0);
    expect(Array.from(a)).toEqual(Array.from(assignSplits(1000, [0.9, 0.1], 0)));
    expect(a.filter((s) => s === 1).length).toBe(100);
    expect(Array.from(a)).not.toEqual(Array.from(assignSplits(1000, [0.9, 0.1], 1)));
  });

  it('spreads the held-out split over the whole file (not a contiguous block)', () => {
    const a = assignSplits(1000, [0.9, 0.1], 0);
    const heldOutFirstHalf = Array.from(a.subarray(0, 500)).filter((s) => s === 1).length;
    expect(heldOutFirstHalf).toBeGreaterThan(30);
    expect(heldOutFirstHalf).toBeLessThan(70);
  });
});

describe(ReservoirSample.name, () => {
  it('keeps k items in stream order, and every item is equally likely', () => {
    const hits = new Array<number>(20).fill(0);
    for (let seed = 0; seed < 2000; seed++) {
      const sut = new ReservoirSample<number>(5, seed);
      for (let i = 0; i < 20; i++) sut.offer(i);
      const picked = sut.items();
      expect(picked).toEqual([...picked].sort((x, y) => x - y));
      for (const p of picked) hits[p]! += 1;
    }
    // each item expected 2000 · 5/20 = 500 times
    for (const h of hits) expect(Math.abs(h - 500)).toBeLessThan(80);
  });

  it('keeps everything when the stream is shorter than k; shuffled() permutes a copy', () => {
    const sut = new ReservoirSample<string>(10, 1);
    ['a', 'b'].forEach((x) => sut.offer(x));
    expect(sut.items()).toEqual(['a', 'b']);
    const input = [1, 2, 3, 4, 5, 6];
    expect([...shuffled(input, 3)].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
