import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/sv';

/** Swedish: evaluated by Okapi (m_ARC, m_HellaSwag, m_MMLU) but not instruction-tuned. */
export const swedish: LanguagePack = {
  code: 'sv',
  name: 'Swedish',
  nativeName: 'Svenska',
  scripts: ['Latn'],
  okapiModels: [],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Nedan finns en instruktion som beskriver en uppgift, tillsammans med indata som ger ytterligare sammanhang. Skriv ett svar som på lämpligt sätt slutför begäran.',
    preambleWithoutInput:
      'Nedan finns en instruktion som beskriver en uppgift. Skriv ett svar som på lämpligt sätt slutför begäran.',
    instruction: 'Instruktion',
    input: 'Indata',
    response: 'Svar',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Stockholm är Sveriges huvudstad och ligger vid Mälaren.',
    'I morgon bitti ska vi cykla till stranden med våra vänner.',
    'Att läsa varje dag hjälper dig att lära dig nya ord.',
  ],
};
