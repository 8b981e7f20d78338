import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/it';

/** Italian: one of Okapi's 26 languages (high resource). */
export const italian: LanguagePack = {
  code: 'it',
  name: 'Italian',
  nativeName: 'Italiano',
  scripts: ['Latn'],
  resourceLevel: 'high',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu', 'xcopa'],
  prompt: {
    preambleWithInput:
      'Di seguito è riportata un\'istruzione che descrive un compito, insieme a un input che fornisce ulteriore contesto. Scrivi una risposta che completi adeguatamente la richiesta.',
    preambleWithoutInput:
      'Di seguito è riportata un\'istruzione che descrive un compito. Scrivi una risposta che completi adeguatamente la richiesta.',
    instruction: 'Istruzione',
    input: 'Input',
    response: 'Risposta',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Roma è la capitale d\'Italia ed è famosa per la sua storia millenaria.',
    'Questa sera andiamo a mangiare una pizza con i nostri amici.',
    'Lo sport fa bene al corpo e alla mente.',
  ],
};
