import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/bn';

/** Bengali: one of Okapi's 26 languages (low resource). */
export const bengali: LanguagePack = {
  code: 'bn',
  name: 'Bengali',
  nativeName: 'বাংলা',
  scripts: ['Beng'],
  resourceLevel: 'low',
  okapiModels: ['bloom'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'নিচে একটি নির্দেশনা দেওয়া হলো যা একটি কাজের বর্ণনা দেয়, সঙ্গে একটি ইনপুট যা অতিরিক্ত প্রসঙ্গ প্রদান করে। এমন একটি উত্তর লিখুন যা অনুরোধটি যথাযথভাবে পূরণ করে।',
    preambleWithoutInput:
      'নিচে একটি নির্দেশনা দেওয়া হলো যা একটি কাজের বর্ণনা দেয়। এমন একটি উত্তর লিখুন যা অনুরোধটি যথাযথভাবে পূরণ করে।',
    instruction: 'নির্দেশনা',
    input: 'ইনপুট',
    response: 'উত্তর',
  },
  // NFC only: virama sequences and zero-width (non-)joiners are meaningful and left intact
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'ঢাকা বাংলাদেশের রাজধানী এবং একটি ব্যস্ত শহর।',
    'আগামীকাল সকালে আমরা বন্ধুদের সঙ্গে নদীর ধারে বেড়াতে যাব।',
    'প্রতিদিন বই পড়লে জ্ঞান বাড়ে।',
  ],
};
