import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/pt';

/** Portuguese: evaluated by Okapi (m_ARC, m_HellaSwag, m_MMLU) but not instruction-tuned. */
export const portuguese: LanguagePack = {
  code: 'pt',
  name: 'Portuguese',
  nativeName: 'Português',
  scripts: ['Latn'],
  okapiModels: [],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Abaixo está uma instrução que descreve uma tarefa, acompanhada de uma entrada que fornece mais contexto. Escreva uma resposta que complete adequadamente o pedido.',
    preambleWithoutInput:
      'Abaixo está uma instrução que descreve uma tarefa. Escreva uma resposta que complete adequadamente o pedido.',
    instruction: 'Instrução',
    input: 'Entrada',
    response: 'Resposta',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Lisboa é a capital de Portugal e fica junto ao rio Tejo.',
    'Amanhã de manhã vamos à praia com os nossos amigos.',
    'Ler todos os dias ajuda a aprender palavras novas.',
  ],
};
