import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/ro';

/** Romanian: one of Okapi's 26 languages (medium resource). */
export const romanian: LanguagePack = {
  code: 'ro',
  name: 'Romanian',
  nativeName: 'Română',
  scripts: ['Latn'],
  resourceLevel: 'medium',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Mai jos este o instrucțiune care descrie o sarcină, împreună cu o intrare care oferă context suplimentar. Scrie un răspuns care îndeplinește în mod corespunzător cererea.',
    preambleWithoutInput:
      'Mai jos este o instrucțiune care descrie o sarcină. Scrie un răspuns care îndeplinește în mod corespunzător cererea.',
    instruction: 'Instrucțiune',
    input: 'Intrare',
    response: 'Răspuns',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'București este capitala României și cel mai mare oraș din țară.',
    'Mâine dimineață mergem la munte cu prietenii noștri.',
    'Cititul zilnic ne ajută să învățăm lucruri noi.',
  ],
};
