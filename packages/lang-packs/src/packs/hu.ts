import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/hu';

/** Hungarian: one of Okapi's 26 languages (medium resource). */
export const hungarian: LanguagePack = {
  code: 'hu',
  name: 'Hungarian',
  nativeName: 'Magyar',
  scripts: ['Latn'],
  resourceLevel: 'medium',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Az alábbiakban egy feladatot leíró utasítás található, amelyhez további kontextust biztosító bemenet tartozik. Írj olyan választ, amely megfelelően teljesíti a kérést.',
    preambleWithoutInput:
      'Az alábbiakban egy feladatot leíró utasítás található. Írj olyan választ, amely megfelelően teljesíti a kérést.',
    instruction: 'Utasítás',
    input: 'Bemenet',
    response: 'Válasz',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Budapest Magyarország fővárosa, amelyet a Duna két részre oszt.',
    'Holnap reggel elmegyünk a piacra friss zöldséget venni.',
    'A rendszeres olvasás fejleszti a szókincset.',
  ],
};
