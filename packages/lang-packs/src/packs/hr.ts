import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/hr';

/** Croatian: one of Okapi's 26 languages (medium resource). */
export const croatian: LanguagePack = {
  code: 'hr',
  name: 'Croatian',
  nativeName: 'Hrvatski',
  scripts: ['Latn'],
  resourceLevel: 'medium',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'U nastavku je uputa koja opisuje zadatak, zajedno s ulazom koji pruža dodatni kontekst. Napišite odgovor koji na odgovarajući način ispunjava zahtjev.',
    preambleWithoutInput:
      'U nastavku je uputa koja opisuje zadatak. Napišite odgovor koji na odgovarajući način ispunjava zahtjev.',
    instruction: 'Uputa',
    input: 'Ulaz',
    response: 'Odgovor',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Zagreb je glavni grad Hrvatske i najveći grad u zemlji.',
    'Sutra ujutro idemo na more s prijateljima.',
    'Redovito čitanje pomaže nam da naučimo nove riječi.',
  ],
};
