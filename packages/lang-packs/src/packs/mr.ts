import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/mr';

/** Marathi: one of Okapi's 26 languages (low resource). */
export const marathi: LanguagePack = {
  code: 'mr',
  name: 'Marathi',
  nativeName: 'मराठी',
  scripts: ['Deva'],
  resourceLevel: 'low',
  okapiModels: ['bloom'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'खाली एक कार्याचे वर्णन करणारी सूचना दिली आहे, तसेच अधिक संदर्भ देणारे इनपुट दिले आहे. विनंती योग्य प्रकारे पूर्ण करणारे उत्तर लिहा.',
    preambleWithoutInput:
      'खाली एक कार्याचे वर्णन करणारी सूचना दिली आहे. विनंती योग्य प्रकारे पूर्ण करणारे उत्तर लिहा.',
    instruction: 'सूचना',
    input: 'इनपुट',
    response: 'उत्तर',
  },
  // NFC only: virama sequences and zero-width (non-)joiners are meaningful and left intact
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'मुंबई ही महाराष्ट्राची राजधानी आहे.',
    'उद्या सकाळी आम्ही मित्रांसोबत गडावर फिरायला जाणार आहोत.',
    'दररोज पुस्तक वाचल्याने ज्ञान वाढते.',
  ],
};
