import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/uk';

/** Ukrainian: one of Okapi's 26 languages (medium resource). */
export const ukrainian: LanguagePack = {
  code: 'uk',
  name: 'Ukrainian',
  nativeName: 'Українська',
  scripts: ['Cyrl'],
  resourceLevel: 'medium',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Нижче наведено інструкцію, що описує завдання, разом із вхідними даними, які надають додатковий контекст. Напишіть відповідь, яка належним чином виконує запит.',
    preambleWithoutInput:
      'Нижче наведено інструкцію, що описує завдання. Напишіть відповідь, яка належним чином виконує запит.',
    instruction: 'Інструкція',
    input: 'Вхідні дані',
    response: 'Відповідь',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Київ є столицею України і одним із найстаріших міст Європи.',
    'Завтра вранці ми поїдемо до бабусі в село.',
    'Читання книжок допомагає розвивати уяву.',
  ],
};
