import { applyRewardBaseline, groupAlignedChunkSize, leaveOneOutCentred, repeatEach } from './group-baseline';

describe(leaveOneOutCentred.name, () => {
  it('subtracts the mean of the prompt\'s other samples (hand-computed, k = 4, two groups)', () => {
    // group 1: [1, 0, 0, 1] -> 1 - 1/3, 0 - 2/3, 0 - 2/3, 1 - 1/3; group 2: [0.5, 0.5, 0.5, 0.5] -> zeros
    const out = leaveOneOutCentred([1, 0, 0, 1, 0.5, 0.5, 0.5, 0.5], 4);
    const expected = [2 / 3, -2 / 3, -2 / 3, 2 / 3, 0, 0, 0, 0];
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
  });

  it('with k = 2 each sample is its difference to the sibling', () => {
    expect(leaveOneOutCentred([3, 1, -2, 2], 2)).toEqual([2, -2, -4, 4]);
  });

  it('k = 3 with distinct scores: [0.2, 0.8, 0.5] -> 0.2-0.65, 0.8-0.35, 0.5-0.5', () => {
    const out = leaveOneOutCentred([0.2, 0.8, 0.5], 3);
    [-0.45, 0.45, 0].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 12));
  });

  it('rejects k < 2 and scores that are not whole groups', () => {
    expect(() => leaveOneOutCentred([1, 2], 1)).toThrow(/k >= 2/);
    expect(() => leaveOneOutCentred([1, 2, 3], 2)).toThrow(/groups of 2/);
  });
});

describe(applyRewardBaseline.name, () => {
  it("'none' leaves the scores as they are", () => {
    expect(applyRewardBaseline([1, 0, 0.5], 1, 'none')).toEqual([1, 0, 0.5]);
  });
});

describe(repeatEach.name, () => {
  it('keeps the k samples of one prompt next to each other', () => {
    expect(repeatEach(['a', 'b'], 3)).toEqual(['a', 'a', 'a', 'b', 'b', 'b']);
    expect(repeatEach(['a', 'b'], 1)).toEqual(['a', 'b']);
  });
});

describe(groupAlignedChunkSize.name, () => {
  it('rounds the chunk down to whole groups, never below one group', () => {
    expect(groupAlignedChunkSize(32, 4)).toBe(32);
    expect(groupAlignedChunkSize(16, 3)).toBe(15);
    expect(groupAlignedChunkSize(2, 4)).toBe(4);
    expect(groupAlignedChunkSize(16, 1)).toBe(16);
  });
});
