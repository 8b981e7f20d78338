import type { z } from 'zod';
import type { ConfigProblem } from './config-errors';

/**
 * One zod issue as a config problem: the dotted path (under `prefix`, e.g. 'ppo.reward.options'), what
 * was expected and what was found ('nothing' for a missing value). zod's own message already reads
 * "Invalid input: expected string, received undefined", so it is never pasted in whole.
 */
export function configProblemOf(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): ConfigProblem {
  const parts = [...prefix, ...issue.path].map(String);
  const path = parts.length > 0 ? parts.join('.') : '(top level)';
  const received = 'input' in issue ? describeValue(issue.input) : 'an invalid value';
  return { path, expected: expectedOf(issue), received };
}

/** A required value that is absent (as opposed to present with a wrong type or value). */
export function isMissingValue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': return issue.expected;
    case 'invalid_value': return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small': return `a value ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}`;
    case 'too_big': return `a value ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}`;
    default: return issue.message.replace(/^Invalid input: /, '').replace(/, received .*$/, '');
  }
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return `${type} ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}
