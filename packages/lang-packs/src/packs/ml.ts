import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/ml';

/** Malayalam: one of Okapi's 26 languages (low resource). */
export const malayalam: LanguagePack = {
  code: 'ml',
  name: 'Malayalam',
  nativeName: 'മലയാളം',
  scripts: ['Mlym'],
  resourceLevel: 'low',
  okapiModels: ['bloom'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'ഒരു ജോലിയെ വിവരിക്കുന്ന ഒരു നിർദ്ദേശം താഴെ നൽകിയിരിക്കുന്നു, കൂടുതൽ സന്ദർഭം നൽകുന്ന ഒരു ഇൻപുട്ടും ഒപ്പമുണ്ട്. അഭ്യർത്ഥന ഉചിതമായി പൂർത്തിയാക്കുന്ന ഒരു മറുപടി എഴുതുക.',
    preambleWithoutInput:
      'ഒരു ജോലിയെ വിവരിക്കുന്ന ഒരു നിർദ്ദേശം താഴെ നൽകിയിരിക്കുന്നു. അഭ്യർത്ഥന ഉചിതമായി പൂർത്തിയാക്കുന്ന ഒരു മറുപടി എഴുതുക.',
    instruction: 'നിർദ്ദേശം',
    input: 'ഇൻപുട്ട്',
    response: 'മറുപടി',
  },
  // NFC only: virama sequences and zero-width (non-)joiners are meaningful and left intact
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'തിരുവനന്തപുരം കേരളത്തിന്റെ തലസ്ഥാനമാണ്.',
    'നാളെ രാവിലെ ഞങ്ങൾ കടൽത്തീരത്തേക്ക് പോകും.',
    'എല്ലാ ദിവസവും പുസ്തകം വായിക്കുന്നത് അറിവ് വർദ്ധിപ്പിക്കും.',
  ],
};
