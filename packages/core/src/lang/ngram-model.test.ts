import { NgramModel, ngramPosteriors } from './ngram-model';

describe(NgramModel.name, () => {
  it('smooths counts with 0.5 over a 10,000-gram vocabulary (hand-computed)', () => {
    const sut = new NgramModel({ total: 10, grams: { a: 4 } });
    expect(sut.logProb('a')).toBeCloseTo(Math.log(4.5 / 5010), 12);
    expect(sut.logProb('zz')).toBeCloseTo(Math.log(0.5 / 5010), 12);
  });

  it('renormalises over the grams it keeps', () => {
    const sut = new NgramModel({ total: 8, grams: { a: 4, я: 4 } }, (g) => g === 'a');
    expect(sut.logProb('a')).toBeCloseTo(Math.log(4.5 / (4 + 5000)), 12);
    expect(sut.logProb('я')).toBeCloseTo(Math.log(0.5 / (4 + 5000)), 12);
  });
});

describe(ngramPosteriors.name, () => {
  const a = new NgramModel({ total: 10, grams: { a: 10 } });
  const b = new NgramModel({ total: 10, grams: { b: 10 } });

  it('is uniform without evidence and sums to one', () => {
    expect(ngramPosteriors([a, b], [])).toEqual([0.5, 0.5]);
    const p = ngramPosteriors([a, b], ['a', 'b', 'a']);
    expect(p[0] + p[1]).toBeCloseTo(1, 12);
    expect(p[0]).toBeGreaterThan(p[1]);
  });

  it('equals the naive-Bayes ratio for one gram (hand-computed)', () => {
    const ratio = 10.5 / 0.5;
    expect(ngramPosteriors([a, b], ['a'])[0]).toBeCloseTo(ratio / (ratio + 1), 12);
  });
});
