import { z, type ZodType } from 'zod';
import type { ConfigSection } from './config-section';
import { ConfigValidationError, type ConfigProblem } from './config-errors';
import { coreConfigSchema, type OkapiConfig } from './core-schema';
import { findUnknownKeys } from './unknown-keys';

/** Core schema plus every contributed section, each under its own key (Stryker-style). */
export function buildConfigSchema(sections: readonly ConfigSection[]): ZodType {
  const extra: Record<string, ZodType> = {};
  for (const section of sections) extra[section.key] = section.schema.optional();
  return coreConfigSchema.extend(extra);
}

export interface ValidatedConfig {
  readonly config: OkapiConfig;
  readonly warnings: readonly string[];
}

/** Validates, reporting all problems together; unknown keys are warnings. The result is deep-frozen. */
export function validateConfig(raw: unknown, sections: readonly ConfigSection[], source: string): ValidatedConfig {
  const schema = buildConfigSchema(sections);
  const result = schema.safeParse(raw ?? {}, { reportInput: true });
  if (!result.success) throw new ConfigValidationError(result.error.issues.map(toProblem), source);
  return { config: deepFreeze(result.data) as OkapiConfig, warnings: findUnknownKeys(raw, schema) };
}

function toProblem(issue: z.core.$ZodIssue): ConfigProblem {
  const path = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  const received = 'input' in issue ? describe(issue.input) : 'an invalid value';
  return { path, expected: expectedOf(issue), received };
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': return issue.expected;
    case 'invalid_value': return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small': return `a value ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}`;
    case 'too_big': return `a value ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}`;
    default: return issue.message.replace(/^Invalid input: /, '');
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return `${type} ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
