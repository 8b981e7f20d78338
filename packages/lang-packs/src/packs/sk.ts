import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/sk';

/** Slovak: one of Okapi's 26 languages (medium resource). */
export const slovak: LanguagePack = {
  code: 'sk',
  name: 'Slovak',
  nativeName: 'Slovenčina',
  scripts: ['Latn'],
  resourceLevel: 'medium',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Nižšie je pokyn, ktorý opisuje úlohu, spolu so vstupom, ktorý poskytuje ďalší kontext. Napíšte odpoveď, ktorá vhodne splní požiadavku.',
    preambleWithoutInput:
      'Nižšie je pokyn, ktorý opisuje úlohu. Napíšte odpoveď, ktorá vhodne splní požiadavku.',
    instruction: 'Pokyn',
    input: 'Vstup',
    response: 'Odpoveď',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Bratislava je hlavné mesto Slovenska a leží na brehu Dunaja.',
    'Zajtra ráno pôjdeme s deťmi do lesa na huby.',
    'Pravidelný pohyb je dôležitý pre zdravie.',
  ],
};
