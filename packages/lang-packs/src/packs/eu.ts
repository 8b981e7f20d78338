import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/eu';

/** Basque: evaluated by Okapi (m_ARC, m_HellaSwag, m_MMLU) but not instruction-tuned. */
export const basque: LanguagePack = {
  code: 'eu',
  name: 'Basque',
  nativeName: 'Euskara',
  scripts: ['Latn'],
  okapiModels: [],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Jarraian, zeregin bat deskribatzen duen argibide bat dago, testuinguru gehigarria ematen duen sarrera batekin batera. Idatzi eskaera behar bezala betetzen duen erantzun bat.',
    preambleWithoutInput:
      'Jarraian, zeregin bat deskribatzen duen argibide bat dago. Idatzi eskaera behar bezala betetzen duen erantzun bat.',
    instruction: 'Argibidea',
    input: 'Sarrera',
    response: 'Erantzuna',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Bilbo Bizkaiko hiriburua da eta itsasadarraren ondoan dago.',
    'Bihar goizean lagunekin mendira joango gara.',
    'Egunero irakurtzeak hiztegia aberasten du.',
  ],
};
