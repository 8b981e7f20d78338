import type { DatasetAdapter, FieldIssue, ParseOutcome } from '../dataset-adapter';
import type { RankedRecord } from '../records';
import { describeValue, FieldReader, isPlainObject, keyScore, notAnObject } from '../validation/field-checks';

/** ranking = response indices from best to worst: must be a permutation of 0 … K-1. */
function ranksFromRanking(ranking: unknown, k: number, issues: FieldIssue[]): number[] {
  const ok = Array.isArray(ranking) && ranking.length === k
    && ranking.every((i) => Number.isInteger(i) && i >= 0 && i < k)
    && new Set(ranking).size === k;
  if (!ok) {
    issues.push({ field: 'ranking', expected: `a permutation of 0…${k - 1} (response indices, best first)`, received: describeValue(ranking) });
    return [];
  }
  const ranks = new Array<number>(k);
  (ranking as number[]).forEach((responseIndex, position) => { ranks[responseIndex] = position; });
  return ranks;
}

/** scores = one number per response, higher is better; equal scores are ties. */
function ranksFromScores(scores: unknown, k: number, issues: FieldIssue[]): number[] {
  if (!Array.isArray(scores) || scores.length !== k || !scores.every((s) => typeof s === 'number' && Number.isFinite(s))) {
    issues.push({ field: 'scores', expected: `${k} finite numbers (one per response, higher is better)`, received: describeValue(scores) });
    return [];
  }
  const distinct = [...new Set(scores as number[])].sort((a, b) => b - a);
  return (scores as number[]).map((s) => distinct.indexOf(s));
}

function parseRanked(raw: unknown): ParseOutcome<RankedRecord> {
  if (!isPlainObject(raw)) return { ok: false, issues: [notAnObject(raw)] };
  const fields = new FieldReader(raw);
  const instruction = fields.text('instruction');
  const input = fields.optionalText('input', true);
  const responses = raw.responses;
  const responsesOk = Array.isArray(responses) && responses.length >= 2;
  if (!responsesOk) fields.fail('responses', 'an array of at least 2 responses', describeValue(responses));
  const list = responsesOk ? (responses as unknown[]) : [];
  list.forEach((r, i) => { if (typeof r !== 'string' || r.trim() === '') fields.fail(`responses[${i}]`, 'non-empty string', describeValue(r)); });
  const issues: FieldIssue[] = [...fields.issues];
  let ranks: number[] = [];
  if (responsesOk) {
    if (raw.ranking !== undefined) ranks = ranksFromRanking(raw.ranking, list.length, issues);
    else if (raw.scores !== undefined) ranks = ranksFromScores(raw.scores, list.length, issues);
    else issues.push({ field: 'ranking', expected: "'ranking' (indices best first) or 'scores' (higher is better)", received: 'missing' });
  }
  if (issues.length === 0 && new Set(ranks).size === 1) {
    issues.push({ field: 'scores', expected: 'at least two different scores', received: 'all responses tied' });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, record: { kind: 'ranked', instruction, input, responses: list as string[], ranks } };
}

function serializeRanked(record: RankedRecord): unknown {
  const base = { instruction: record.instruction, input: record.input, responses: record.responses };
  const strict = new Set(record.ranks).size === record.ranks.length;
  if (!strict) return { ...base, scores: record.ranks.map((r) => -r) };
  const ranking = record.ranks.map((rank, index) => ({ rank, index })).sort((a, b) => a.rank - b.rank).map((e) => e.index);
  return { ...base, ranking };
}

/** K ≥ 2 responses per prompt with a ranking (the shape Okapi's pairs were made from). */
export const rankedAdapter: DatasetAdapter<RankedRecord> = {
  id: 'ranked',
  summary: 'K-ranked responses: instruction, input, responses[K], ranking (indices best first) or scores',
  recordKind: 'ranked',
  detect: (raw) => Math.max(
    keyScore(raw, ['instruction', 'responses', 'ranking'], ['input']),
    keyScore(raw, ['instruction', 'responses', 'scores'], ['input']),
  ),
  parse: parseRanked,
  serialize: serializeRanked,
};
