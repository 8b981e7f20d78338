import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/es';

/** Spanish: one of Okapi's 26 languages (high resource). */
export const spanish: LanguagePack = {
  code: 'es',
  name: 'Spanish',
  nativeName: 'Español',
  scripts: ['Latn'],
  resourceLevel: 'high',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'A continuación se muestra una instrucción que describe una tarea, junto con una entrada que proporciona más contexto. Escribe una respuesta que complete adecuadamente la solicitud.',
    preambleWithoutInput:
      'A continuación se muestra una instrucción que describe una tarea. Escribe una respuesta que complete adecuadamente la solicitud.',
    instruction: 'Instrucción',
    input: 'Entrada',
    response: 'Respuesta',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Madrid es la capital de España y una ciudad llena de vida.',
    'Mañana vamos a visitar a mis abuelos en el pueblo.',
    'Leer todos los días mejora el vocabulario y la concentración.',
  ],
};
