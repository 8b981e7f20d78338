import { allPairsLoss, pairwiseLoss, pairwiseMetrics, plackettLuceLoss } from './ranking-losses';

describe('ranking losses', () => {
  it('pairwise loss is −log σ(margin)', () => {
    expect(pairwiseLoss(0, 0)).toBeCloseTo(Math.LN2, 12);
    // margin 2: −log(1 / (1 + e^-2)) = log(1 + e^-2) = 0.126928...
    expect(pairwiseLoss(3, 1)).toBeCloseTo(0.12692801104297263, 12);
    expect(pairwiseLoss(1, 3)).toBeCloseTo(2.1269280110429727, 12);
    expect(pairwiseLoss(1000, 0)).toBe(0);
    expect(pairwiseLoss(0, 1000)).toBeCloseTo(1000, 9);
  });

  it('all-pairs loss averages the C(K,2) pairs in rank order', () => {
    const s = [2, 1, 0];
    const expected = (pairwiseLoss(2, 1) + pairwiseLoss(2, 0) + pairwiseLoss(1, 0)) / 3;
    expect(allPairsLoss(s)).toBeCloseTo(expected, 12);
    expect(allPairsLoss([5, 3])).toBeCloseTo(pairwiseLoss(5, 3), 12);
  });

  it('Plackett-Luce equals the pairwise loss for K = 2 and matches a hand computation for K = 3', () => {
    expect(plackettLuceLoss([5, 3])).toBeCloseTo(pairwiseLoss(5, 3), 12);
    // [2,1,0]: −(2 − log(e²+e+1)) − (1 − log(e+1))
    const hand = -(2 - Math.log(Math.exp(2) + Math.E + 1)) - (1 - Math.log(Math.E + 1));
    expect(plackettLuceLoss([2, 1, 0])).toBeCloseTo(hand, 12);
    expect(plackettLuceLoss([0, 1, 2])).toBeGreaterThan(plackettLuceLoss([2, 1, 0]));
  });

  it('reports pairwise accuracy and mean margin', () => {
    expect(pairwiseMetrics([1, 2, 0], [0, 3, -1])).toEqual({ accuracy: 2 / 3, margin: (1 - 1 + 1) / 3 });
  });
});
