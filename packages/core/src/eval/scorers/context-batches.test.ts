import { batchBySimilarLength, groupByContext } from './context-batches';

describe(groupByContext.name, () => {
  it('groups requests by their context array object, keeping each request position', () => {
    const a = [1, 2, 3];
    const b = [1, 2, 3];
    const groups = groupByContext([{ context: a, continuation: [4] }, { context: b, continuation: [5] }, { context: a, continuation: [6, 7] }]);
    expect(groups.map((g) => g.members.map((m) => m.index))).toEqual([[0, 2], [1]]);
    expect(groups[0]!.context).toBe(a);
  });
});

describe(batchBySimilarLength.name, () => {
  const group = (length: number) => ({ context: new Array<number>(length).fill(0), members: [] });

  it('chunks longest contexts first, ties in their original order', () => {
    const groups = [group(3), group(10), group(5), group(10), group(1)];
    const batches = batchBySimilarLength(groups, { batchSize: 2 });
    expect(batches.map((b) => b.map((g) => groups.indexOf(g)))).toEqual([[1, 3], [2, 0], [4]]);
  });

  it('caps padded tokens per batch; a context longer than the cap runs alone', () => {
    const groups = [group(100), group(30), group(31), group(9), group(200), group(5)];
    const padded = (n: number) => Math.ceil(n / 16) * 16;
    const batches = batchBySimilarLength(groups, { batchSize: 4, maxTokens: 128, paddedLength: padded });
    // 200 → 208 > 128: alone; 100 → 112: alone; 31 → 32: four of 32 fit (31, 30, 9, 5).
    expect(batches.map((b) => b.map((g) => g.context.length))).toEqual([[200], [100], [31, 30, 9, 5]]);
  });

  it('refuses a batch size below 1', () => {
    expect(() => batchBySimilarLength([group(1)], { batchSize: 0 })).toThrow('batchSize must be an integer >= 1, got 0');
  });
});
