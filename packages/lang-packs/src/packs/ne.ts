import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/ne';

/** Nepali: one of Okapi's 26 languages (low resource). */
export const nepali: LanguagePack = {
  code: 'ne',
  name: 'Nepali',
  nativeName: 'नेपाली',
  scripts: ['Deva'],
  resourceLevel: 'low',
  okapiModels: ['bloom'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'तल एउटा कार्यको वर्णन गर्ने निर्देशन दिइएको छ, साथै थप सन्दर्भ दिने इनपुट पनि छ। अनुरोधलाई उचित रूपमा पूरा गर्ने उत्तर लेख्नुहोस्।',
    preambleWithoutInput:
      'तल एउटा कार्यको वर्णन गर्ने निर्देशन दिइएको छ। अनुरोधलाई उचित रूपमा पूरा गर्ने उत्तर लेख्नुहोस्।',
    instruction: 'निर्देशन',
    input: 'इनपुट',
    response: 'उत्तर',
  },
  // NFC only: virama sequences and zero-width (non-)joiners are meaningful and left intact
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'काठमाडौं नेपालको राजधानी हो।',
    'भोलि बिहान हामी साथीहरूसँग पहाड घुम्न जानेछौं।',
    'दिनहुँ किताब पढ्नाले ज्ञान बढ्छ।',
  ],
};
