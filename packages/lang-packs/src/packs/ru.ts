import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/ru';

/** Russian: one of Okapi's 26 languages (high resource). */
export const russian: LanguagePack = {
  code: 'ru',
  name: 'Russian',
  nativeName: 'Русский',
  scripts: ['Cyrl'],
  resourceLevel: 'high',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Ниже приведена инструкция, описывающая задачу, вместе с входными данными, которые дают дополнительный контекст. Напишите ответ, который надлежащим образом выполняет запрос.',
    preambleWithoutInput:
      'Ниже приведена инструкция, описывающая задачу. Напишите ответ, который надлежащим образом выполняет запрос.',
    instruction: 'Инструкция',
    input: 'Входные данные',
    response: 'Ответ',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Москва — столица России и крупнейший город страны.',
    'Сегодня хорошая погода, и мы решили пойти в парк.',
    'Чтение книг помогает расширить кругозор и развить воображение.',
  ],
};
