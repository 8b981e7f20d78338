import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/ar';

/** Arabic: one of Okapi's 26 languages (medium resource). */
export const arabic: LanguagePack = {
  code: 'ar',
  name: 'Arabic',
  nativeName: 'العربية',
  scripts: ['Arab'],
  direction: 'rtl',
  resourceLevel: 'medium',
  okapiModels: ['bloom'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'فيما يلي تعليمات تصف مهمة، مقترنة بمدخلات توفر سياقًا إضافيًا. اكتب ردًا يكمل الطلب بشكل مناسب.',
    preambleWithoutInput:
      'فيما يلي تعليمات تصف مهمة. اكتب ردًا يكمل الطلب بشكل مناسب.',
    instruction: 'التعليمات',
    input: 'المدخلات',
    response: 'الرد',
  },
  // tatweel only stretches letters; harakat are kept (removeArabicDiacritics strips them)
  normalization: { form: 'NFC', removeTatweel: true },
  detection: { profile },
  samples: [
    'القاهرة هي عاصمة مصر وأكبر مدينة في العالم العربي.',
    'ذهبنا أمس إلى السوق واشترينا الخضروات والفواكه.',
    'القراءة اليومية تساعد على توسيع المعرفة.',
  ],
};
