import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/en';

/** English: the language of the original Alpaca data (Okapi's SFT data has it; no Okapi eval tasks). */
export const english: LanguagePack = {
  code: 'en',
  name: 'English',
  nativeName: 'English',
  scripts: ['Latn'],
  okapiModels: [],
  evalTasks: [],
  prompt: {
    preambleWithInput:
      'Below is an instruction that describes a task, paired with an input that provides further context. Write a response that appropriately completes the request.',
    preambleWithoutInput:
      'Below is an instruction that describes a task. Write a response that appropriately completes the request.',
    instruction: 'Instruction',
    input: 'Input',
    response: 'Response',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'London is the capital of the United Kingdom.',
    'Tomorrow morning we are going to the market with our friends.',
    'Reading every day helps you learn new words.',
  ],
};
