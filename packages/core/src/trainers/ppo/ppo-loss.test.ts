import { explainedVariance, ppoLoss } from './ppo-loss';

describe(ppoLoss.name, () => {
  const o = { cliprange: 0.2, cliprangeValue: 0.2, vfCoef: 1 };

  it('is −A·ratio and half the squared value error when nothing clips', () => {
    const s = ppoLoss({ logprobs: [Math.log(1.1)], oldLogprobs: [0], advantages: [2], values: [0.5], oldValues: [0.45], returns: [1] }, o);
    expect(s.policyLoss).toBeCloseTo(-2.2, 12);
    expect(s.valueLoss).toBeCloseTo(0.5 * 0.25, 12);
    expect(s.loss).toBeCloseTo(-2.2 + 0.125, 12);
    expect(s.policyClipFraction).toBe(0);
    expect(s.approxKl).toBeCloseTo(0.5 * Math.log(1.1) ** 2, 12);
  });

  it('clips the ratio when it moved too far in the advantage direction', () => {
    // ratio 1.5, A = 1: max(−1.5, −1.2) = −1.2 (clipped, counted in the clip fraction)
    const up = ppoLoss({ logprobs: [Math.log(1.5)], oldLogprobs: [0], advantages: [1], values: [0], oldValues: [0], returns: [0] }, o);
    expect(up.policyLoss).toBeCloseTo(-1.2, 12);
    expect(up.policyClipFraction).toBe(1);
    // ratio 1.5, A = −1: max(1.5, 1.2) = 1.5 (pessimistic: no clipping benefit)
    const down = ppoLoss({ logprobs: [Math.log(1.5)], oldLogprobs: [0], advantages: [-1], values: [0], oldValues: [0], returns: [0] }, o);
    expect(down.policyLoss).toBeCloseTo(1.5, 12);
    expect(down.policyClipFraction).toBe(0);
  });

  it('takes the larger of the clipped and unclipped value errors', () => {
    // value moved from 0 to 1 (clipped to 0.2), return 2: max((1−2)², (0.2−2)²) = 3.24
    const s = ppoLoss({ logprobs: [0], oldLogprobs: [0], advantages: [0], values: [1], oldValues: [0], returns: [2] }, o);
    expect(s.valueLoss).toBeCloseTo(0.5 * 3.24, 12);
    expect(s.valueClipFraction).toBe(1);
  });
});

describe(explainedVariance.name, () => {
  it('is 1 for a perfect value head and 0 for a constant one', () => {
    expect(explainedVariance([1, 2, 3], [1, 2, 3])).toBeCloseTo(1, 12);
    expect(explainedVariance([2, 2, 2], [1, 2, 3])).toBeCloseTo(0, 12);
  });
});
