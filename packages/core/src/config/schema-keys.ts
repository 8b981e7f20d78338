import { z, type ZodType } from 'zod';

/** Strips optional/default/nullable wrappers to reach the schema that describes the value. */
export function unwrapSchema(schema: ZodType): ZodType {
  let current: ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault
      || current instanceof z.ZodPrefault || current instanceof z.ZodReadonly) {
      current = current.unwrap() as ZodType;
    } else {
      return current;
    }
  }
}

/** The keys an object schema knows, or undefined when the schema is not an object. */
export function objectKeys(schema: ZodType): string[] | undefined {
  const inner = unwrapSchema(schema);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : undefined;
}

/** The schema of `key` inside an object schema. */
export function childSchema(schema: ZodType, key: string): ZodType | undefined {
  const inner = unwrapSchema(schema);
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, ZodType>)[key] : undefined;
}
