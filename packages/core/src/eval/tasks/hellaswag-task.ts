import type { EvalTaskDescriptor } from '../eval-task';
import type { McDoc } from '../mc-doc';
import { pyCapitalize, pyStrip } from '../python-text';
import { okapiDataSource, okapiEvalLanguages } from './okapi-languages';
import { recordError, requireIndex, requireString } from './record-fields';

/** HellaSwag's cleanup of WikiHow artifacts: strip, " [title]" → ". ", drop [..], collapse double spaces once. */
export function hellaswagPreprocess(text: string): string {
  return pyStrip(text).replaceAll(' [title]', '. ').replace(/\[.*?\]/gu, '').replaceAll('  ', ' ');
}

/** m_HellaSwag: 0-shot on the validation split. */
export const hellaswagTask: EvalTaskDescriptor = {
  id: 'hellaswag',
  summary: 'm_HellaSwag, 0-shot on validation, acc / acc_norm',
  version: 1,
  languages: okapiEvalLanguages,
  defaultShots: 0,
  defaultSplit: 'validation',
  fewShot: { split: 'validation', kind: 'held-out' },
  metrics: ['acc', 'acc_norm'],
  dataFiles: (lang) => ({ validation: [`m_hellaswag/${lang}_validation.json`] }),
  toDoc(record, where): McDoc {
    const endings = record.endings;
    if (!Array.isArray(endings) || endings.length < 2 || !endings.every((e) => typeof e === 'string')) {
      throw recordError(where, 'endings', `must be a list of strings, found ${JSON.stringify(endings)}`, 'Each HellaSwag record lists its candidate endings.');
    }
    const ctx = `${requireString(record, 'ctx_a', where)} ${pyCapitalize(requireString(record, 'ctx_b', where))}`;
    const id = record.ind ?? record.id;
    return {
      ...(id !== undefined ? { sourceId: String(id) } : {}),
      query: hellaswagPreprocess(`${requireString(record, 'activity_label', where)}: ${ctx}`),
      choices: (endings as string[]).map(hellaswagPreprocess),
      gold: requireIndex(record, 'label', where, endings.length),
    };
  },
  dataSource: okapiDataSource,
};
