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
