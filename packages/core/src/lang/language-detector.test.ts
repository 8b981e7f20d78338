import { UnknownContributionError } from '../errors/unknown-contribution-error';
import { LanguageDetector } from './language-detector';
import { testPack } from './__tests__/test-packs';

const english = testPack('en', ['Latn'], 'the cat sat on the mat and the dog ran with the other dogs in the park');
const german = testPack('de', ['Latn'], 'der hund und die katze sind schnell und nicht sehr gross aber sie spielen gern');
const russian = testPack('ru', ['Cyrl'], 'кошка сидит на окне и смотрит на улицу');
const japanese = testPack('ja', ['Jpan'], 'これはペンです。私は日本語を話します。');
const chinese = testPack('zh', ['Hans'], '这是一支笔。我说中文。');

describe(LanguageDetector.name, () => {
  const sut = new LanguageDetector([english, german, russian, japanese, chinese]);

  it('decides by script when one pack uses it', () => {
    expect(sut.detect('Привет, мир!')).toMatchObject({ code: 'ru', script: 'Cyrl', confidence: 1 });
  });

  it('ranks packs of the same script by their n-gram profiles', () => {
    expect(sut.detect('the dog and the cat').code).toBe('en');
    expect(sut.detect('die katze und der hund').code).toBe('de');
  });

  it('uses every script of a composite code (Han plus kana for Japanese)', () => {
    expect(sut.detect('私は日本語を話します').code).toBe('ja');
    expect(sut.detect('我说中文').code).toBe('zh');
  });

  it('returns no language for text without letters', () => {
    expect(sut.detect('12 + 3 = 15 !')).toEqual({ confidence: 0, candidates: [] });
  });

  it('scales confidence by the share of letters in the winning script', () => {
    const result = sut.detect('Привет hi');
    expect(result.code).toBe('ru');
    expect(result.confidence).toBeCloseTo(6 / 8, 12);
  });

  it('gives a reward-style probability per language', () => {
    expect(sut.probabilityOf('кошка сидит на окне', 'ru')).toBe(1);
    expect(sut.probabilityOf('кошка сидит на окне', 'en')).toBe(0);
    expect(sut.probabilityOf('the cat sat on the mat', 'en')).toBeGreaterThan(0.9);
    expect(sut.probabilityOf('', 'en')).toBe(0);
  });

  it('rejects an unknown code with the installed ones', () => {
    expect(() => sut.probabilityOf('x', 'fr')).toThrow(UnknownContributionError);
  });

  it('falls back to a profile built from the samples', () => {
    const { detection: _, ...noProfile } = testPack('xx', ['Latn'], 'zzyzx qwqw zzyzx');
    const detector = new LanguageDetector([english, noProfile]);
    expect(detector.detect('qwqw zzyzx').code).toBe('xx');
  });
});
