import { buildNgramProfile, forEachNgram, ngramWords } from './ngram-profile';

describe(buildNgramProfile.name, () => {
  it('pads lower-cased words with spaces and drops digits and punctuation', () => {
    expect(ngramWords('Ab, c3d!')).toEqual([' ab ', ' c ', ' d ']);
  });

  it('lists the 1-, 2- and 3-grams of a word (worked by hand for "ab")', () => {
    const grams: string[] = [];
    forEachNgram('ab', (g) => grams.push(g));
    expect(grams.sort()).toEqual([' a', ' ab', 'a', 'ab', 'ab ', 'b', 'b '].sort());
  });

  it('counts every gram in total and keeps the topK most frequent', () => {
    // "aa aa": each word gives ' a', ' aa', 'a', 'aa', 'aa ', 'a', 'a ' → 7 grams, twice
    const sut = buildNgramProfile('aa aa', 2);
    expect(sut.total).toBe(14);
    expect(sut.grams).toEqual({ a: 4, ' a': 2 });
  });

  it('works on scripts without spaces between words', () => {
    expect(buildNgramProfile('中文').grams).toEqual({ ' 中': 1, ' 中文': 1, '中': 1, '中文': 1, '中文 ': 1, '文': 1, '文 ': 1 });
  });
});
