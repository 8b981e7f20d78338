import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/vi';

/** Vietnamese: one of Okapi's 26 languages (high resource). */
export const vietnamese: LanguagePack = {
  code: 'vi',
  name: 'Vietnamese',
  nativeName: 'Tiếng Việt',
  scripts: ['Latn'],
  resourceLevel: 'high',
  okapiModels: ['bloom'],
  evalTasks: ['arc', 'hellaswag', 'mmlu', 'xcopa'],
  prompt: {
    preambleWithInput:
      'Dưới đây là một hướng dẫn mô tả một nhiệm vụ, kèm theo một đầu vào cung cấp thêm ngữ cảnh. Hãy viết một câu trả lời hoàn thành yêu cầu một cách phù hợp.',
    preambleWithoutInput:
      'Dưới đây là một hướng dẫn mô tả một nhiệm vụ. Hãy viết một câu trả lời hoàn thành yêu cầu một cách phù hợp.',
    instruction: 'Hướng dẫn',
    input: 'Đầu vào',
    response: 'Trả lời',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Hà Nội là thủ đô của Việt Nam và có lịch sử hơn một nghìn năm.',
    'Cuối tuần này chúng tôi sẽ về quê thăm ông bà.',
    'Đọc sách mỗi ngày giúp chúng ta hiểu biết thêm về thế giới.',
  ],
};
