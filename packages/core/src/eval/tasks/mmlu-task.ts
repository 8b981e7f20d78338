import type { EvalTaskDescriptor } from '../eval-task';
import type { McDoc } from '../mc-doc';
import { okapiDataSource, okapiEvalLanguages } from './okapi-languages';
import { requireLetter, requireString } from './record-fields';

const letters = ['A', 'B', 'C', 'D'] as const;

/**
 * m_MMLU: 25-shot, scored on test. The task has no training docs in lm-eval's sense, so examples are
 * drawn from the validation docs (26 drawn, the scored doc dropped). Choices are scored as full text.
 */
export const mmluTask: EvalTaskDescriptor = {
  id: 'mmlu',
  summary: 'm_MMLU, 25-shot from validation docs, acc / acc_norm on the choice text',
  version: 0,
  languages: okapiEvalLanguages,
  defaultShots: 25,
  defaultSplit: 'test',
  fewShot: { split: 'validation', kind: 'held-out' },
  metrics: ['acc', 'acc_norm'],
  dataFiles: (lang) => ({
    validation: [`m_mmlu/${lang}_val.json`],
    test: [`m_mmlu/${lang}_test.json`],
  }),
  toDoc(record, where): McDoc {
    const choices = ['option_a', 'option_b', 'option_c', 'option_d'].map((f) => requireString(record, f, where));
    const question = requireString(record, 'instruction', where);
    const listed = choices.map((c, i) => `${letters[i]}. ${c}\n`).join('');
    const id = record.id;
    return {
      ...(typeof id === 'string' ? { sourceId: id } : {}),
      query: `Question: ${question}\nChoices:\n${listed}Answer:`,
      choices,
      gold: requireLetter(record, 'answer', where, choices.length),
    };
  },
  dataSource: okapiDataSource,
};
