import { type ZodType } from 'zod';
import type { ConfigSection } from './config-section';
import { ConfigValidationError } from './config-errors';
import { coreConfigSchema, type OkapiConfig } from './core-schema';
import { findUnknownKeys } from './unknown-keys';
import { configProblemOf } from './zod-issue';

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
  if (!result.success) throw new ConfigValidationError(result.error.issues.map((issue) => configProblemOf(issue)), source);
  return { config: deepFreeze(result.data) as OkapiConfig, warnings: findUnknownKeys(raw, schema) };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
