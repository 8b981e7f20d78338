import type { z } from 'zod';
import { OkapiError } from '../errors/okapi-error';

/**
 * Validates a raw HF `config.json` object against a family's zod schema; every problem is listed in
 * one OkapiError, naming the key, what was expected and what was found.
 */
export function parseHfConfig<S extends z.ZodType>(schema: S, raw: unknown, family: string, source = 'config.json'): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    const found = lookup(raw, issue.path);
    if (found === undefined && issue.code === 'invalid_type') return `"${key}" is missing (expected ${issue.expected})`;
    return `"${key}": ${issue.message}${found === undefined ? '' : ` (found ${JSON.stringify(found)})`}`;
  });
  return fail(family, source, problems);
}

function fail(family: string, source: string, problems: readonly string[]): never {
  throw new OkapiError(`${source} is not a valid ${family} config: ${problems.join('; ')}`, {
    hint: `Fix these keys in ${source}; a directory saved by Hugging Face transformers for this architecture has them all.`,
  });
}

function lookup(raw: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = raw;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** A consistency error found after parsing (e.g. heads not dividing hidden size). */
export function configError(family: string, source: string, problem: string): never {
  return fail(family, source, [problem]);
}
