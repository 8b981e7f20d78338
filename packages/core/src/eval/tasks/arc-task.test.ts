import { arcTask } from './arc-task';

const where = { file: 'm_arc/vi_test.json', index: 7 };
const base = { id: 'x', instruction: 'Q?', option_a: 'a', option_b: 'b', option_c: 'c' };

describe('arc task', () => {
  it('keeps the options a record has (3 to 5), null option_e meaning absent', () => {
    expect(arcTask.toDoc({ ...base, answer: 'C', option_d: null }, where, 'vi')).toEqual({ id: 'x', query: 'Question: Q?\nAnswer:', choices: ['a', 'b', 'c'], gold: 2 });
    expect(arcTask.toDoc({ ...base, answer: 'E', option_d: 'd', option_e: 'e' }, where, 'vi').gold).toBe(4);
  });

  it('rejects an answer letter naming an absent option, with file, record and field', () => {
    expect(() => arcTask.toDoc({ ...base, answer: 'D' }, where, 'vi')).toThrow('m_arc/vi_test.json, record 7: field "answer" must be one of A, B, C (the record has 3 options), found "D"');
  });

  it('rejects a gap in the options', () => {
    expect(() => arcTask.toDoc({ ...base, answer: 'A', option_e: 'e' }, where, 'vi')).toThrow(/field "option_e" is set but option_d is missing/);
  });
});
