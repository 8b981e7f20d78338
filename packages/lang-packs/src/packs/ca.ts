import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/ca';

/** Catalan: one of Okapi's 26 languages (medium resource). */
export const catalan: LanguagePack = {
  code: 'ca',
  name: 'Catalan',
  nativeName: 'Català',
  scripts: ['Latn'],
  resourceLevel: 'medium',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'A continuació hi ha una instrucció que descriu una tasca, juntament amb una entrada que proporciona context addicional. Escriu una resposta que completi adequadament la petició.',
    preambleWithoutInput:
      'A continuació hi ha una instrucció que descriu una tasca. Escriu una resposta que completi adequadament la petició.',
    instruction: 'Instrucció',
    input: 'Entrada',
    response: 'Resposta',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Barcelona és la capital de Catalunya i una ciutat molt visitada.',
    'Demà al matí anirem a la platja amb els nostres amics.',
    'Llegir cada dia ajuda a millorar el vocabulari.',
  ],
};
