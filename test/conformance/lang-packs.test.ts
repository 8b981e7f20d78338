import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LanguageDetector } from '@okapi/core';
import { languagePackConformanceCases } from '@okapi/core/testing';
import { allPacks } from '@okapi/lang-packs';

describe('language pack conformance: the 32 built-in packs', () => {
  const cases = languagePackConformanceCases(allPacks);

  it('covers the 32 packs: Okapi\'s 26, English and the 5 eval-only languages', () => {
    const okapi = 'ru de zh fr es it nl vi id ar hu ro da sk uk ca sr hr hi bn ta ne ml mr te kn'.split(' ');
    const expected = [...okapi, 'en', 'eu', 'gu', 'hy', 'pt', 'sv'].sort();
    expect(allPacks.map((p) => p.code).sort()).toEqual(expected);
  });

  it.each(cases.map((c) => [c.title, c] as const))('%s', (_title, c) => c.run());
});

describe('language detection on held-out m_ARC questions (not used to build the profiles)', () => {
  const fixtures = path.join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'eval', 'm_arc');
  const detector = new LanguageDetector(allPacks);
  const arcLanguages = ['vi', 'de', 'zh', 'fr', 'ar', 'hi', 'id', 'ru', 'es', 'bn'];

  /** The first 40 test questions with their options, each at least 100 characters long. */
  function texts(lang: string): string[] {
    const records = JSON.parse(readFileSync(path.join(fixtures, `${lang}_test.json`), 'utf8')) as Record<string, string>[];
    return records.map((r) => [r.instruction, r.option_a, r.option_b, r.option_c, r.option_d].join(' '))
      .filter((t) => [...t].length >= 100).slice(0, 40);
  }

  it('reaches ≥ 95% macro accuracy and ≥ 90% per language on 100+-character texts', () => {
    const accuracy = Object.fromEntries(arcLanguages.map((lang) => {
      const sample = texts(lang);
      expect(sample.length).toBeGreaterThanOrEqual(30);
      return [lang, sample.filter((t) => detector.detect(t).code === lang).length / sample.length];
    }));
    const macro = Object.values(accuracy).reduce((a, b) => a + b, 0) / arcLanguages.length;
    expect(macro).toBeGreaterThanOrEqual(0.95);
    expect(Object.entries(accuracy).filter(([, a]) => a < 0.9)).toEqual([]);
  });

  it('scores a Vietnamese answer high and an English one low as the vi reward signal', () => {
    const [question] = texts('vi');
    expect(detector.probabilityOf(question, 'vi')).toBeGreaterThan(0.9);
    expect(detector.probabilityOf('The heat moves from her hand to the ice cube, so it melts.', 'vi')).toBeLessThan(0.1);
  });
});
