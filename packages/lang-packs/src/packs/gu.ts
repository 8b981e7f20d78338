import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/gu';

/** Gujarati: evaluated by Okapi (m_ARC, m_HellaSwag, m_MMLU) but not instruction-tuned. */
export const gujarati: LanguagePack = {
  code: 'gu',
  name: 'Gujarati',
  nativeName: 'ગુજરાતી',
  scripts: ['Gujr'],
  okapiModels: [],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'નીચે એક સૂચના આપેલી છે જે એક કાર્યનું વર્ણન કરે છે, સાથે એક ઇનપુટ છે જે વધારાનો સંદર્ભ આપે છે. વિનંતીને યોગ્ય રીતે પૂર્ણ કરે તેવો જવાબ લખો.',
    preambleWithoutInput:
      'નીચે એક સૂચના આપેલી છે જે એક કાર્યનું વર્ણન કરે છે. વિનંતીને યોગ્ય રીતે પૂર્ણ કરે તેવો જવાબ લખો.',
    instruction: 'સૂચના',
    input: 'ઇનપુટ',
    response: 'જવાબ',
  },
  // NFC only: virama sequences and zero-width (non-)joiners are meaningful and left intact
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'ગાંધીનગર ગુજરાતની રાજધાની છે.',
    'કાલે સવારે અમે મિત્રો સાથે બજારમાં જઈશું.',
    'દરરોજ પુસ્તક વાંચવાથી જ્ઞાન વધે છે.',
  ],
};
