import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/ta';

/** Tamil: one of Okapi's 26 languages (low resource). */
export const tamil: LanguagePack = {
  code: 'ta',
  name: 'Tamil',
  nativeName: 'தமிழ்',
  scripts: ['Taml'],
  resourceLevel: 'low',
  okapiModels: ['bloom'],
  evalTasks: ['arc', 'hellaswag', 'mmlu', 'xcopa'],
  prompt: {
    preambleWithInput:
      'கீழே ஒரு பணியை விவரிக்கும் அறிவுறுத்தல் உள்ளது, அதனுடன் கூடுதல் சூழலை வழங்கும் உள்ளீடும் உள்ளது. கோரிக்கையைப் பொருத்தமாக நிறைவு செய்யும் பதிலை எழுதவும்.',
    preambleWithoutInput:
      'கீழே ஒரு பணியை விவரிக்கும் அறிவுறுத்தல் உள்ளது. கோரிக்கையைப் பொருத்தமாக நிறைவு செய்யும் பதிலை எழுதவும்.',
    instruction: 'அறிவுறுத்தல்',
    input: 'உள்ளீடு',
    response: 'பதில்',
  },
  // NFC only: virama sequences and zero-width (non-)joiners are meaningful and left intact
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'சென்னை தமிழ்நாட்டின் தலைநகரம் ஆகும்.',
    'நாளை காலை நாங்கள் நண்பர்களுடன் கடற்கரைக்குச் செல்வோம்.',
    'தினமும் புத்தகம் படிப்பது அறிவை வளர்க்கும்.',
  ],
};
