import { gatherRows, packRollouts, scatterRows } from './ppo-batch';

describe(packRollouts.name, () => {
  const rows = [{ queryIds: [1, 7, 8], responseIds: [20, 21, 2] }, { queryIds: [1, 9], responseIds: [30] }];

  it('right-pads query + response and marks the positions that predict response tokens', () => {
    const sut = packRollouts(rows, 0, 64);
    expect(sut.seq).toBe(16);
    expect(sut.inputIds.slice(0, 7)).toEqual([1, 7, 8, 20, 21, 2, 0]);
    expect(sut.attentionMask.slice(16, 20)).toEqual([1, 1, 1, 0]);
    // row 0: query of 3, so positions 2, 3, 4 predict 20, 21, 2
    expect(sut.targets.slice(0, 6)).toEqual([0, 0, 20, 21, 2, 0]);
    expect(Array.from(sut.mask.slice(0, 6))).toEqual([0, 0, 1, 1, 1, 0]);
    // row 1: query of 2, so position 1 predicts 30
    expect(sut.targets.slice(16, 19)).toEqual([0, 30, 0]);
    expect(sut.starts).toEqual([2, 17]);
  });

  it('scatters per-row values to the response positions and gathers them back', () => {
    const packed = packRollouts(rows, 0, 64);
    const perRow = [[0.5, -1, 2], [3]];
    const flat = scatterRows(packed, perRow);
    expect(flat[3]).toBeCloseTo(-1, 6);
    expect(flat.reduce((a, b) => a + Math.abs(b), 0)).toBeCloseTo(6.5, 6);
    expect(gatherRows(packed, flat).map((r) => [...r])).toEqual(perRow);
  });
});
