import type { EvalTaskDescriptor } from '../eval-task';
import type { McDoc } from '../mc-doc';
import { pyDropLast, pyLowerFirst, pyStrip } from '../python-text';
import { recordError, requireIndex, requireString } from './record-fields';

/** lm-eval's connectors per language: premise + " because" (cause) / " therefore" (effect). */
const connectors: Readonly<Record<string, { cause: string; effect: string }>> = {
  et: { cause: 'sest', effect: 'seetõttu' },
  ht: { cause: 'poukisa', effect: 'donk sa' },
  it: { cause: 'perché', effect: 'quindi' },
  id: { cause: 'karena', effect: 'maka' },
  qu: { cause: 'imataq', effect: 'chaymi' },
  sw: { cause: 'kwa sababu', effect: 'kwa hiyo' },
  zh: { cause: '因为', effect: '所以' },
  ta: { cause: 'காரணமாக', effect: 'எனவே' },
  th: { cause: 'เพราะ', effect: 'ดังนั้น' },
  tr: { cause: 'çünkü', effect: 'bu yüzden' },
  vi: { cause: 'bởi vì', effect: 'vì vậy' },
};

const files = (lang: string, split: 'val' | 'test'): string[] => [
  `xcopa/data/${lang}/${split}.${lang}.jsonl`,
  `xcopa/${lang}/${split}.${lang}.jsonl`,
];

/** XCOPA (causal commonsense, 11 languages): 0-shot on test, acc only, as lm-eval's xcopa task. */
export const xcopaTask: EvalTaskDescriptor = {
  id: 'xcopa',
  summary: 'XCOPA, 0-shot on test, acc',
  version: 0,
  languages: Object.keys(connectors),
  defaultShots: 0,
  defaultSplit: 'test',
  fewShot: { split: 'validation', kind: 'held-out' },
  metrics: ['acc'],
  dataFiles: (lang) => ({ validation: files(lang, 'val'), test: files(lang, 'test') }),
  toDoc(record, where, lang): McDoc {
    const question = requireString(record, 'question', where);
    const pair = connectors[lang];
    if (question !== 'cause' && question !== 'effect') throw recordError(where, 'question', `must be "cause" or "effect", found ${JSON.stringify(question)}`, 'Check the record.');
    if (pair === undefined) throw recordError(where, 'question', `has no connector for language "${lang}"`, `XCOPA languages: ${Object.keys(connectors).join(', ')}.`);
    const idx = record.idx;
    return {
      ...(idx !== undefined ? { id: String(idx) } : {}),
      query: `${pyDropLast(pyStrip(requireString(record, 'premise', where)))} ${pair[question]}`,
      choices: [pyLowerFirst(requireString(record, 'choice1', where)), pyLowerFirst(requireString(record, 'choice2', where))],
      gold: requireIndex(record, 'label', where, 2),
    };
  },
  dataSource: 'XCOPA comes from https://github.com/cambridgeltl/xcopa (CC BY 4.0): copy its data/ folder to <data-dir>/xcopa/data/.',
};
