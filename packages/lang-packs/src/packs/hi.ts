import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/hi';

/** Hindi: one of Okapi's 26 languages (medium resource). */
export const hindi: LanguagePack = {
  code: 'hi',
  name: 'Hindi',
  nativeName: 'हिन्दी',
  scripts: ['Deva'],
  resourceLevel: 'medium',
  okapiModels: ['bloom'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'नीचे एक निर्देश दिया गया है जो किसी कार्य का वर्णन करता है, साथ में एक इनपुट है जो अतिरिक्त संदर्भ प्रदान करता है। ऐसा उत्तर लिखें जो अनुरोध को उचित रूप से पूरा करे।',
    preambleWithoutInput:
      'नीचे एक निर्देश दिया गया है जो किसी कार्य का वर्णन करता है। ऐसा उत्तर लिखें जो अनुरोध को उचित रूप से पूरा करे।',
    instruction: 'निर्देश',
    input: 'इनपुट',
    response: 'उत्तर',
  },
  // NFC only: virama sequences and zero-width (non-)joiners are meaningful and left intact
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'नई दिल्ली भारत की राजधानी है और यह एक बड़ा शहर है।',
    'कल सुबह हम अपने दोस्तों के साथ बाज़ार जाएँगे।',
    'रोज़ किताबें पढ़ने से हमारा ज्ञान बढ़ता है।',
  ],
};
