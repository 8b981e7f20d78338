import type { LanguagePack } from '../language-pack';
import { buildNgramProfile } from '../ngram-profile';

/** Minimal packs for unit tests: data only, with tiny hand-written corpora as profiles. */
export function testPack(code: string, scripts: string[], corpus: string, extra: Partial<LanguagePack> = {}): LanguagePack {
  return {
    code, name: `Lang ${code}`, nativeName: code, scripts, okapiModels: [], evalTasks: [],
    prompt: { preambleWithInput: 'P1', preambleWithoutInput: 'P0', instruction: 'I', input: 'N', response: 'R' },
    samples: [corpus], detection: { profile: buildNgramProfile(corpus) }, ...extra,
  };
}
