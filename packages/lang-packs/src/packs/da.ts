import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/da';

/** Danish: one of Okapi's 26 languages (medium resource). */
export const danish: LanguagePack = {
  code: 'da',
  name: 'Danish',
  nativeName: 'Dansk',
  scripts: ['Latn'],
  resourceLevel: 'medium',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Nedenfor er en instruktion, der beskriver en opgave, sammen med et input, der giver yderligere kontekst. Skriv et svar, der på passende vis opfylder anmodningen.',
    preambleWithoutInput:
      'Nedenfor er en instruktion, der beskriver en opgave. Skriv et svar, der på passende vis opfylder anmodningen.',
    instruction: 'Instruktion',
    input: 'Input',
    response: 'Svar',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'København er Danmarks hovedstad og ligger på øen Sjælland.',
    'I morgen tager vi cyklen ud til stranden.',
    'Det er vigtigt at få nok søvn hver nat.',
  ],
};
