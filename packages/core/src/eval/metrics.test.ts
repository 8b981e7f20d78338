import { argmaxFirst, bootstrapStderr, itemMetrics, meanStderr } from './metrics';

describe('eval metrics', () => {
  it('argmax takes the first of equal maxima, like numpy', () => {
    expect(argmaxFirst([-3, -1, -1, -2])).toBe(1);
  });

  it('acc uses raw sums; acc_norm divides by the choice length in code points', () => {
    // Hand-computed: raw sums favour choice 0 (-4 > -6); per character, choice 1 wins (-6/6 = -1 > -4/2 = -2).
    const doc = { query: 'q', choices: ['ab', '𝐀𝐀𝐀𝐀𝐀𝐀'], gold: 1 };
    expect(itemMetrics(doc, [-4, -6], ['acc', 'acc_norm'])).toEqual({ acc: 0, acc_norm: 1 });
  });

  // Expected values printed by CPython running lm-eval v0.3's mean_stderr / bootstrap_stderr code on the same list.
  const xs = [1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 1, 1];

  it("matches lm-eval's mean_stderr", () => {
    expect(meanStderr(xs)).toBeCloseTo(0.1486470975026408, 14);
  });

  it("matches lm-eval's bootstrap_stderr draw for draw", () => {
    expect(bootstrapStderr(xs, 2000)).toBeCloseTo(0.13980728470960832, 12);
    expect(bootstrapStderr(xs, 500)).toBeCloseTo(0.13614519997192423, 12);
  });
});
