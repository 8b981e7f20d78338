import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/te';

/** Telugu: one of Okapi's 26 languages (low resource). */
export const telugu: LanguagePack = {
  code: 'te',
  name: 'Telugu',
  nativeName: 'తెలుగు',
  scripts: ['Telu'],
  resourceLevel: 'low',
  okapiModels: ['bloom'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'క్రింద ఒక పనిని వివరించే సూచన ఇవ్వబడింది, దానితో పాటు అదనపు సందర్భాన్ని అందించే ఇన్\u200cపుట్ కూడా ఉంది. అభ్యర్థనను సముచితంగా పూర్తి చేసే సమాధానాన్ని రాయండి.',
    preambleWithoutInput:
      'క్రింద ఒక పనిని వివరించే సూచన ఇవ్వబడింది. అభ్యర్థనను సముచితంగా పూర్తి చేసే సమాధానాన్ని రాయండి.',
    instruction: 'సూచన',
    input: 'ఇన్\u200cపుట్',
    response: 'సమాధానం',
  },
  // NFC only: virama sequences and zero-width (non-)joiners are meaningful and left intact
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'హైదరాబాద్ తెలంగాణ రాష్ట్ర రాజధాని.',
    'రేపు ఉదయం మేము స్నేహితులతో కలిసి గుడికి వెళ్తాము.',
    'ప్రతిరోజూ పుస్తకాలు చదవడం వల్ల జ్ఞానం పెరుగుతుంది.',
  ],
};
