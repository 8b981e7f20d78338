import { z } from 'zod';
import { configProblemOf, isMissingValue } from './zod-issue';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected the value to be refused');
  return result.error.issues;
};

describe(configProblemOf.name, () => {
  const schema = z.object({ model: z.string(), steps: z.number().int().positive(), kind: z.enum(['a', 'b']) });

  it('names a missing value as missing, once, under the prefix', () => {
    const [issue] = issuesOf(schema.pick({ model: true }), {});
    expect(isMissingValue(issue!)).toBe(true);
    expect(configProblemOf(issue!, ['ppo.reward', 'options'])).toEqual({ path: 'ppo.reward.options.model', expected: 'string', received: 'nothing' });
  });

  it('says what a wrong value was, and what was expected', () => {
    const problems = issuesOf(schema, { model: 3, steps: 0, kind: 'c' }).map((issue) => configProblemOf(issue));
    expect(problems).toEqual([
      { path: 'model', expected: 'string', received: 'number 3' },
      { path: 'steps', expected: 'a value > 0', received: 'number 0' },
      { path: 'kind', expected: 'one of "a", "b"', received: 'string "c"' },
    ]);
    expect(issuesOf(schema, { model: 3, steps: 1, kind: 'a' }).filter(isMissingValue)).toEqual([]);
  });

  it('keeps a custom message without zod\'s "received" tail', () => {
    const [issue] = issuesOf(z.string().refine((s) => s.startsWith('x'), 'a name starting with x'), 'y');
    expect(configProblemOf(issue!)).toEqual({ path: '(top level)', expected: 'a name starting with x', received: 'string "y"' });
  });
});
