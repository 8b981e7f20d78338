import { gae, tokenRewards, whiten } from './gae';

describe(gae.name, () => {
  it('matches a hand computation (γ = 1, λ = 0.95)', () => {
    const { advantages, returns } = gae([0, 0, 1], [0.5, 0.2, 0.1], 1, 0.95);
    // δ2 = 1 + 0 − 0.1 = 0.9; δ1 = 0 + 0.1 − 0.2 = −0.1; δ0 = 0 + 0.2 − 0.5 = −0.3
    // A2 = 0.9; A1 = −0.1 + 0.95·0.9 = 0.755; A0 = −0.3 + 0.95·0.755 = 0.41725
    expect([...advantages].map((a) => +a.toFixed(10))).toEqual([0.41725, 0.755, 0.9]);
    expect([...returns].map((r) => +r.toFixed(10))).toEqual([0.91725, 0.955, 1]);
  });

  it('with λ = 1 and γ = 1 the return is the sum of future rewards', () => {
    const { returns } = gae([1, 2, 3], [9, 9, 9], 1, 1);
    expect([...returns]).toEqual([6, 5, 3]);
  });

  it('with λ = 0 the advantage is the one-step TD error', () => {
    const { advantages } = gae([1, 1], [0.5, 0.25], 0.9, 0);
    expect(advantages[0]).toBeCloseTo(1 + 0.9 * 0.25 - 0.5, 12);
    expect(advantages[1]).toBeCloseTo(1 - 0.25, 12);
  });
});

describe(tokenRewards.name, () => {
  it('penalises per-token KL and adds the score on the last token', () => {
    const { rewards, kl } = tokenRewards(2, [-1, -2, -3], [-1.5, -2, -2], 0.1);
    expect([...rewards].map((r) => +r.toFixed(10))).toEqual([-0.05, 0, 2.1]);
    expect(kl).toBeCloseTo(0.5 + 0 - 1, 12);
  });
});

describe(whiten.name, () => {
  it('gives zero mean and unit (unbiased) variance', () => {
    const w = whiten(new Float64Array([1, 2, 3, 4]));
    // mean 2.5, unbiased var 5/3
    expect(w[0]).toBeCloseTo(-1.5 / Math.sqrt(5 / 3 + 1e-8), 10);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
  });
});
