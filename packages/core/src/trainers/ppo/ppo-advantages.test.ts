import { computeAdvantages } from './ppo-advantages';

describe(computeAdvantages.name, () => {
  it('penalises KL per token, runs GAE per response and whitens across the batch (hand-computed)', () => {
    const rollouts = [
      { score: 1, logprobs: Float64Array.of(-1, -2), refLogprobs: Float64Array.of(-1.5, -2), values: Float64Array.of(0.5, 0.2) },
      { score: 0, logprobs: Float64Array.of(-0.5), refLogprobs: Float64Array.of(-0.5), values: Float64Array.of(0.1) },
    ];
    const sut = computeAdvantages(rollouts, 0.1, 1, 0.9);
    // rollout 0: rewards [−0.05, 1]; δ1 = 1 − 0.2 = 0.8, A1 = 0.8; δ0 = −0.05 + 0.2 − 0.5 = −0.35, A0 = −0.35 + 0.9·0.8 = 0.37
    // rollout 1: rewards [0]; A = −0.1
    expect([...sut.returns[0]!].map((x) => +x.toFixed(10))).toEqual([0.87, 1]);
    expect(sut.returns[1]![0]).toBeCloseTo(0, 12);
    expect(sut.kl).toEqual([0.5, 0]);
    expect(sut.nonScoreReward[0]).toBeCloseTo(-0.05, 12);
    const raw = [0.37, 0.8, -0.1];
    const mean = raw.reduce((a, b) => a + b) / 3;
    const sd = Math.sqrt(raw.reduce((a, b) => a + (b - mean) ** 2, 0) / 2 + 1e-8);
    const whitened = [...sut.advantages[0]!, ...sut.advantages[1]!];
    whitened.forEach((a, i) => expect(a).toBeCloseTo((raw[i]! - mean) / sd, 10));
  });
});
