import { createTestScope, type TestScope } from '@okapi/core/testing';
import { DEMO_LANGUAGES, DEMO_TASKS, LanguageDetector } from '@okapi/core';
import langPacksPlugin from '@okapi/lang-packs';

// An independent check that each demo instruction is written in the language it is filed under: the
// language packs' detector (built from other text) must recognise nearly all of these short sentences,
// and any miss must be a near neighbour in the same script (ru/uk/sr, es/ca/pt, mr/ne, …).
describe('built-in demo data: instruction languages', () => {
  let test: TestScope;
  beforeEach(() => { test = createTestScope({ plugins: [langPacksPlugin] }); });
  afterEach(async () => { await test.dispose(); });

  it('detects the language of ≥ 90% of the phrasings, and the script of all of them', () => {
    const packs = test.scope.contributions('languagePack');
    const detector = new LanguageDetector(packs);
    const scriptOf = (code: string) => packs.find((p) => p.code === code)!.scripts[0];
    let right = 0;
    let total = 0;
    for (const task of DEMO_TASKS) {
      for (const lang of DEMO_LANGUAGES) {
        const result = detector.detect(task.instructions[lang]!);
        total++;
        if (result.code === lang) right++;
        else expect([task.id, lang, scriptOf(result.code!)]).toEqual([task.id, lang, scriptOf(lang)]);
      }
    }
    expect(total).toBe(6 * 27);
    expect(right / total).toBeGreaterThanOrEqual(0.9);
  });
});
