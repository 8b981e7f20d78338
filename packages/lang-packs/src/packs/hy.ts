import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/hy';

/** Armenian: evaluated by Okapi (m_ARC, m_HellaSwag, m_MMLU) but not instruction-tuned. */
export const armenian: LanguagePack = {
  code: 'hy',
  name: 'Armenian',
  nativeName: 'Հայերեն',
  scripts: ['Armn'],
  okapiModels: [],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Ստորև ներկայացված է առաջադրանք նկարագրող հրահանգ՝ լրացուցիչ համատեքստ տրամադրող մուտքային տվյալների հետ միասին։ Գրեք պատասխան, որը պատշաճ կերպով կկատարի հարցումը։',
    preambleWithoutInput:
      'Ստորև ներկայացված է առաջադրանք նկարագրող հրահանգ։ Գրեք պատասխան, որը պատշաճ կերպով կկատարի հարցումը։',
    instruction: 'Հրահանգ',
    input: 'Մուտքային տվյալներ',
    response: 'Պատասխան',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Երևանը Հայաստանի մայրաքաղաքն է։',
    'Վաղը առավոտյան մենք ընկերների հետ կգնանք լեռներ։',
    'Ամեն օր գիրք կարդալը մեծացնում է գիտելիքը։',
  ],
};
