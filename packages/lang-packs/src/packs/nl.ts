import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/nl';

/** Dutch: one of Okapi's 26 languages (high resource). */
export const dutch: LanguagePack = {
  code: 'nl',
  name: 'Dutch',
  nativeName: 'Nederlands',
  scripts: ['Latn'],
  resourceLevel: 'high',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Hieronder staat een instructie die een taak beschrijft, samen met invoer die extra context biedt. Schrijf een antwoord dat het verzoek op passende wijze voltooit.',
    preambleWithoutInput:
      'Hieronder staat een instructie die een taak beschrijft. Schrijf een antwoord dat het verzoek op passende wijze voltooit.',
    instruction: 'Instructie',
    input: 'Invoer',
    response: 'Antwoord',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Amsterdam is de hoofdstad van Nederland en staat bekend om zijn grachten.',
    'Morgen gaan we met de fiets naar het strand.',
    'Het is belangrijk om elke dag genoeg groente en fruit te eten.',
  ],
};
