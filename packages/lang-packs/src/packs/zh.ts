import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/zh';

/** Chinese: one of Okapi's 26 languages (high resource). */
export const chinese: LanguagePack = {
  code: 'zh',
  name: 'Chinese',
  nativeName: '中文',
  scripts: ['Hans', 'Hant'],
  resourceLevel: 'high',
  okapiModels: ['bloom'],
  evalTasks: ['arc', 'hellaswag', 'mmlu', 'xcopa'],
  prompt: {
    preambleWithInput:
      '以下是一条描述任务的指令，并附有提供更多背景信息的输入。请写出恰当完成该请求的回答。',
    preambleWithoutInput:
      '以下是一条描述任务的指令。请写出恰当完成该请求的回答。',
    instruction: '指令',
    input: '输入',
    response: '回答',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    '北京是中国的首都，也是一座历史悠久的城市。',
    '我们明天早上一起去公园散步吧。',
    '多读书可以开阔视野，增长知识。',
  ],
};
