import { rankedAdapter } from './adapters/ranked-adapter';
import { convertRecordKind, expandRankedToPairs } from './convert-kind';
import type { RankedRecord } from './records';

const ranked = (responses: string[], ranks: number[]): RankedRecord => ({ kind: 'ranked', instruction: 'Sort 3 1 2', input: '', responses, ranks });

describe(expandRankedToPairs.name, () => {
  it('gives all C(K,2) pairs, each preferring the better-ranked response', () => {
    const responses = ['r0', 'r1', 'r2', 'r3'];
    const ranks = [2, 0, 3, 1]; // best → worst: r1, r3, r0, r2
    const pairs = expandRankedToPairs(ranked(responses, ranks));
    expect(pairs).toHaveLength(6); // 4·3/2
    const expected = [['r1', 'r3'], ['r1', 'r0'], ['r1', 'r2'], ['r3', 'r0'], ['r3', 'r2'], ['r0', 'r2']];
    expect(pairs.map((p) => [p.chosen, p.rejected])).toEqual(expected);
  });

  it('has no pair between tied responses', () => {
    const pairs = expandRankedToPairs(ranked(['a', 'b', 'c'], [0, 1, 1]));
    expect(pairs.map((p) => [p.chosen, p.rejected])).toEqual([['a', 'b'], ['a', 'c']]);
  });
});

describe(convertRecordKind.name, () => {
  it('turns pairs into K = 2 ranked lists and preference data into instruction data', () => {
    const pair = { kind: 'pair', instruction: 'i', input: 'x', chosen: 'good', rejected: 'bad' } as const;
    expect(convertRecordKind(pair, 'ranked')).toEqual([{ kind: 'ranked', instruction: 'i', input: 'x', responses: ['good', 'bad'], ranks: [0, 1] }]);
    expect(convertRecordKind(pair, 'instruction')).toEqual([{ kind: 'instruction', instruction: 'i', input: 'x', output: 'good' }]);
    expect(convertRecordKind(ranked(['w', 'b'], [1, 0]), 'instruction')[0]!.output).toBe('b');
  });

  it('refuses to invent preferences for instruction data', () => {
    expect(() => convertRecordKind({ kind: 'instruction', instruction: 'i', input: '', output: 'o' }, 'pair')).toThrow(/holds no preference/);
  });
});

describe('ranked adapter', () => {
  it('reads a ranking (indices best first) and scores (higher better, ties allowed)', () => {
    const byRanking = rankedAdapter.parse({ instruction: 'q', responses: ['a', 'b', 'c'], ranking: [2, 0, 1] });
    expect(byRanking).toEqual({ ok: true, record: { kind: 'ranked', instruction: 'q', input: '', responses: ['a', 'b', 'c'], ranks: [1, 2, 0] } });
    const byScores = rankedAdapter.parse({ instruction: 'q', input: '', responses: ['a', 'b', 'c'], scores: [0.5, 2, 0.5] });
    expect(byScores).toMatchObject({ ok: true, record: { ranks: [1, 0, 1] } });
  });

  it('round-trips through serialize for strict and tied rankings', () => {
    for (const ranks of [[1, 2, 0], [1, 0, 1]]) {
      const record = ranked(['a', 'b', 'c'], ranks);
      expect(rankedAdapter.parse(rankedAdapter.serialize(record))).toEqual({ ok: true, record });
    }
  });

  it.each([
    [{ instruction: 'q', responses: ['a'], ranking: [0] }, 'responses'],
    [{ instruction: 'q', responses: ['a', 'b'], ranking: [0, 0] }, 'ranking'],
    [{ instruction: 'q', responses: ['a', 'b'], ranking: [0, 2] }, 'ranking'],
    [{ instruction: 'q', responses: ['a', 'b'], scores: [1, 'x'] }, 'scores'],
    [{ instruction: 'q', responses: ['a', 'b'], scores: [1, 1] }, 'scores'],
    [{ instruction: 'q', responses: ['a', ''], ranking: [0, 1] }, 'responses[1]'],
    [{ instruction: 'q', responses: ['a', 'b'] }, 'ranking'],
  ])('rejects %j at field %s', (raw, field) => {
    const outcome = rankedAdapter.parse(raw);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((i) => i.field)).toContain(field);
  });
});
