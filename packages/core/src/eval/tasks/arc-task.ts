import type { EvalTaskDescriptor, RecordLocation } from '../eval-task';
import type { McDoc } from '../mc-doc';
import { okapiDataSource, okapiEvalLanguages } from './okapi-languages';
import { optionalString, recordError, requireLetter, requireString } from './record-fields';

const optionFields = ['option_a', 'option_b', 'option_c', 'option_d', 'option_e'] as const;

/** The options a record has, in order; a gap (option_c missing but option_d present) is an error. */
function arcChoices(record: Readonly<Record<string, unknown>>, where: RecordLocation): string[] {
  const values = optionFields.map((f) => optionalString(record, f, where));
  const count = values.findIndex((v) => v === undefined);
  const present = count < 0 ? values.length : count;
  const stray = values.findIndex((v, i) => i > present && v !== undefined);
  if (stray >= 0) throw recordError(where, optionFields[stray]!, `is set but ${optionFields[present]} is missing`, 'Options must be filled from option_a on, without gaps.');
  if (present < 2) throw recordError(where, optionFields[present]!, 'is missing; a question needs at least option_a and option_b', 'Check the record.');
  return values.slice(0, present) as string[];
}

/** m_ARC (ARC-Challenge translated by the Okapi authors): 25-shot from train, scored on test. */
export const arcTask: EvalTaskDescriptor = {
  id: 'arc',
  summary: 'm_ARC (ARC-Challenge), 25-shot, acc / acc_norm',
  version: 0,
  languages: okapiEvalLanguages,
  defaultShots: 25,
  defaultSplit: 'test',
  fewShot: { split: 'train', kind: 'training' },
  metrics: ['acc', 'acc_norm'],
  dataFiles: (lang) => ({
    train: [`m_arc/${lang}_train.json`],
    validation: [`m_arc/${lang}_validation.json`],
    test: [`m_arc/${lang}_test.json`],
  }),
  toDoc(record, where): McDoc {
    const choices = arcChoices(record, where);
    return {
      id: requireString(record, 'id', where),
      query: `Question: ${requireString(record, 'instruction', where)}\nAnswer:`,
      choices,
      gold: requireLetter(record, 'answer', where, choices.length),
    };
  },
  dataSource: okapiDataSource,
};
