import { dpoLoss } from './dpo-loss';

describe(dpoLoss.name, () => {
  it('is log 2 when the policy equals the reference', () => {
    const r = dpoLoss({ policyChosen: -5, policyRejected: -7, referenceChosen: -5, referenceRejected: -7 }, 0.1);
    expect(r.loss).toBeCloseTo(Math.LN2, 12);
    expect(r.chosenReward).toBe(0);
    expect(r.rejectedReward).toBe(0);
  });

  it('matches a hand computation', () => {
    // h = (−4 − −8) − (−5 − −7) = 4 − 2 = 2; β h = 0.2; loss = log(1 + e^−0.2) = 0.598138...
    const r = dpoLoss({ policyChosen: -4, policyRejected: -8, referenceChosen: -5, referenceRejected: -7 }, 0.1);
    expect(r.loss).toBeCloseTo(0.5981388693815918, 12);
    expect(r.chosenReward).toBeCloseTo(0.1, 12);
    expect(r.rejectedReward).toBeCloseTo(-0.1, 12);
  });

  it('label smoothing mixes in the flipped loss', () => {
    const p = { policyChosen: -4, policyRejected: -8, referenceChosen: -5, referenceRejected: -7 };
    const hand = 0.9 * Math.log1p(Math.exp(-0.2)) + 0.1 * Math.log1p(Math.exp(0.2));
    expect(dpoLoss(p, 0.1, 0.1).loss).toBeCloseTo(hand, 12);
  });
});
