import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/sr';

/** Serbian: one of Okapi's 26 languages (medium resource). */
export const serbian: LanguagePack = {
  code: 'sr',
  name: 'Serbian',
  nativeName: 'Српски',
  scripts: ['Cyrl', 'Latn'],
  resourceLevel: 'medium',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'У наставку је упутство које описује задатак, заједно са улазом који пружа додатни контекст. Напишите одговор који на одговарајући начин испуњава захтев.',
    preambleWithoutInput:
      'У наставку је упутство које описује задатак. Напишите одговор који на одговарајући начин испуњава захтев.',
    instruction: 'Упутство',
    input: 'Улаз',
    response: 'Одговор',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Београд је главни град Србије и налази се на ушћу Саве у Дунав.',
    'Сутра ујутру идемо на пијацу да купимо воће.',
    'Редовно читање помаже да научимо нове речи.',
  ],
};
