import { InvalidArgumentError } from 'commander';
import type { CliOption } from '@okapi/core';

/** Commander argument parser for an option's declared type. */
export function optionParser(option: CliOption): ((value: string, previous: unknown) => unknown) | undefined {
  switch (option.parse) {
    case 'int':
      return (value) => {
        if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError(`expected an integer, got '${value}'.`);
        return Number.parseInt(value, 10);
      };
    case 'float':
      return (value) => {
        const n = Number(value);
        if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a number, got '${value}'.`);
        return n;
      };
    case 'list':
      return (value, previous) => [...(Array.isArray(previous) ? previous : []), ...value.split(',').map((s) => s.trim()).filter(Boolean)];
    default:
      return undefined;
  }
}

/** The camel-cased key commander stores an option under ('--max-new-tokens' -> 'maxNewTokens'). */
export function optionKey(option: CliOption): string {
  const long = option.flags.split(/[ ,|]+/).find((part) => part.startsWith('--')) ?? option.flags;
  return long.replace(/^--(no-)?/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
