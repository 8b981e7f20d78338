import { collateComparisons, PAIR_STEP, rankOrder, UNAVAILABLE, type TokenizedComparison } from './preference-batches';

const seq = (inputIds: number[], promptLength: number) => ({ inputIds, promptLength, truncated: false });

describe(collateComparisons.name, () => {
  // a pair (second response better) and a K = 3 list with ranks [1, 0, 2]
  const comparisons: TokenizedComparison[] = [
    { sequences: [seq([1, 5, 6, 2], 2), seq([1, 5, 7, 8, 2], 2)], ranks: [1, 0] },
    { sequences: [seq([1, 9, 2], 2), seq([1, 9, 3, 2], 2), seq([1, 9, 4, 4, 4, 2], 2)], ranks: [1, 0, 2] },
  ];
  const sut = collateComparisons(comparisons, { padId: 0, maxLength: 64 });

  it('right-pads every response of every comparison to one 16-token bucket', () => {
    expect([sut.batch, sut.seq, sut.comparisons]).toEqual([5, 16, 2]);
    expect(sut.inputIds.slice(16, 32)).toEqual([1, 5, 7, 8, 2, ...new Array(11).fill(0)]);
    expect(sut.attentionMask.slice(16, 32)).toEqual([1, 1, 1, 1, 1, ...new Array(11).fill(0)]);
  });

  it('targets the response tokens only (shifted by one), for sequence log-probs', () => {
    // row 1 = [1, 5 | 7, 8, 2]: positions 1..3 predict 7, 8, 2
    expect(sut.responseTargets.slice(16, 21)).toEqual([0, 7, 8, 2, 0]);
    expect(sut.responseMask.slice(16, 21)).toEqual([0, 1, 1, 1, 0]);
    expect(sut.responseMask.reduce((a, b) => a + b, 0)).toBe(2 + 3 + 1 + 2 + 4);
  });

  it('lists every strict pair with weights 1 / (comparisons · pairs of its comparison), padded with weight 0', () => {
    const real = sut.pairs.weight.map((w, i) => [sut.pairs.chosen[i], sut.pairs.rejected[i], w]).filter(([, , w]) => w! > 0);
    expect(real).toEqual([[1, 0, 1 / 2], [3, 2, 1 / 6], [3, 4, 1 / 6], [2, 4, 1 / 6]]);
    expect(sut.pairs.chosen.length % PAIR_STEP).toBe(0);
  });

  it('orders each list best first and masks items already placed or padded', () => {
    expect(rankOrder([1, 0, 2])).toEqual([1, 0, 2]);
    expect(sut.lists).toMatchObject({ count: 2, k: 3, index: [1, 0, 0, 3, 2, 4], weight: [0.5, 0.5, 0, 0.5, 0.5, 0.5] });
    const U = UNAVAILABLE;
    // first list (K = 2 padded to 3): stage 0 sees both items, stage 1 the second, stage 2 nothing
    expect(sut.lists.bias.slice(0, 9)).toEqual([0, 0, U, U, 0, U, U, U, U]);
    expect(sut.lists.bias.slice(9, 18)).toEqual([0, 0, 0, U, 0, 0, U, U, 0]);
  });
});
