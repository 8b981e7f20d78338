import type { DatasetAdapter, ParseOutcome } from '../dataset-adapter';
import type { PreferencePairRecord } from '../records';
import { FieldReader, isPlainObject, keyScore, notAnObject } from '../validation/field-checks';
import { flattenContext } from './instruction-shape';

/** The published files spell it 'prefered_output' (sic); the correct spelling is accepted too. */
const PREFERRED = 'prefered_output';
const PREFERRED_ALIAS = 'preferred_output';

function parseOkapiRanking(raw: unknown): ParseOutcome<PreferencePairRecord> {
  if (!isPlainObject(raw)) return { ok: false, issues: [notAnObject(raw)] };
  const fields = new FieldReader(raw);
  const instruction = fields.text('instruction');
  const input = fields.optionalText('input');
  const chosen = fields.text(PREFERRED_ALIAS in raw && !(PREFERRED in raw) ? PREFERRED_ALIAS : PREFERRED);
  const rejected = fields.text('rejected_output');
  if (fields.issues.length === 0 && chosen === rejected) {
    fields.fail('rejected_output', `a response different from ${PREFERRED}`, 'the same text');
  }
  if (fields.issues.length > 0) return { ok: false, issues: fields.issues };
  return { ok: true, record: { kind: 'pair', instruction, input, chosen, rejected } };
}

/** multilingual-ranking-data-42k/{lang}.json: reward-model pairs exactly as published. */
export const okapiRankingAdapter: DatasetAdapter<PreferencePairRecord> = {
  id: 'okapi-ranking',
  summary: 'Okapi RM pairs (multilingual-ranking-data-42k): instruction, input, prefered_output (sic), rejected_output',
  recordKind: 'pair',
  detect: (raw) => Math.max(
    keyScore(raw, ['instruction', 'input', PREFERRED, 'rejected_output']),
    keyScore(raw, ['instruction', 'input', PREFERRED_ALIAS, 'rejected_output']),
  ),
  parse: parseOkapiRanking,
  serialize: (record) => ({
    instruction: record.instruction,
    input: flattenContext(record),
    [PREFERRED]: record.chosen,
    rejected_output: record.rejected,
  }),
};
