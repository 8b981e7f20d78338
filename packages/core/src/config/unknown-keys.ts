import type { ZodType } from 'zod';
import { didYouMean } from '../util/did-you-mean';
import { childSchema, objectKeys } from './schema-keys';

/** Warnings for keys no schema knows, at any depth, each with a did-you-mean (jest-validate style). */
export function findUnknownKeys(value: unknown, schema: ZodType, path: string[] = []): string[] {
  const known = objectKeys(schema);
  if (known === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const warnings: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const where = [...path, key].join('.');
    const sub = childSchema(schema, key);
    if (sub === undefined) {
      warnings.push(`Unknown config key '${where}'; it is ignored.${didYouMean(key, known)}`);
    } else {
      warnings.push(...findUnknownKeys(child, sub, [...path, key]));
    }
  }
  return warnings;
}
