import { findLanguageFile, formatFromOkapiDirectory, OkapiError, resolveUserPath, type CliOption, type CommandContext, type DatasetReport, type OpenDatasetOptions } from '@okapi/core';

/** Flags shared by the `okapi data` commands that read a dataset. */
export const readOptions: readonly CliOption[] = [
  { flags: '--format <name>', description: "input format (adapter id, e.g. 'okapi-alpaca'); default: detected from content" },
  { flags: '--on-invalid <policy>', description: "invalid records: 'fail' stops at the first, 'skip' drops them (counted, written to --rejected)", choices: ['fail', 'skip'] },
  { flags: '--rejected <path>', description: 'where skipped records go (default: <input>.rejected.jsonl)' },
  { flags: '--dedupe', description: 'drop records equal to an earlier one (they are always counted)' },
  { flags: '--data-dir <dir>', description: 'a folder of {lang}.json files (Okapi layout); with --lang instead of a file argument' },
];

/**
 * A path the user typed, resolved against the directory `okapi` was run from (main's `cwd`, which is
 * not process.cwd() when the CLI runs in-process).
 */
export function userPath(context: CommandContext, file: string): string {
  return resolveUserPath(context.scope, file);
}

/** The input file: the positional argument, or `{data-dir}/{lang}.json` (jp/ja aliases understood). */
export async function resolveInput(context: CommandContext, argIndex = 0): Promise<string> {
  const file = context.args[argIndex];
  if (typeof file === 'string') return userPath(context, file);
  const dataDir = context.options.dataDir;
  if (typeof dataDir === 'string') return findLanguageFile(userPath(context, dataDir), context.scope.config.lang);
  throw new OkapiError('No dataset given.', { hint: 'Pass a file (okapi data validate vi.json) or --data-dir DIR --lang vi.' });
}

/** The reader options from the shared flags, with the adapters every loaded plugin contributed. */
export function datasetOptions(context: CommandContext, defaults: Partial<OpenDatasetOptions> = {}): OpenDatasetOptions {
  const o = context.options;
  const dataDir = typeof o.dataDir === 'string' ? o.dataDir : undefined;
  const format = (o.format as string | undefined) ?? (dataDir !== undefined ? formatFromOkapiDirectory(dataDir) : undefined);
  const rejected = o.rejected as string | undefined;
  return {
    adapters: context.scope.contributions('datasetAdapter'),
    format,
    onInvalid: (o.onInvalid as 'fail' | 'skip' | undefined) ?? defaults.onInvalid ?? 'fail',
    rejectedPath: rejected !== undefined ? userPath(context, rejected) : defaults.rejectedPath,
    dedupe: o.dedupe === true,
  };
}

/** Counts and where rejected records went, on stderr (results go to stdout). */
export function reportSummary(context: CommandContext, report: DatasetReport): void {
  const { out } = context;
  out.info(`${report.file}: ${report.format} (${report.container ?? '?'}), ${report.total} records, ${report.accepted} used, ${report.invalid} invalid, ${report.duplicates} duplicates`);
  if (report.rejectedFile !== undefined) out.info(`Rejected records written to ${report.rejectedFile}`);
}

export function positiveInt(value: unknown, flag: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new OkapiError(`${flag} must be a positive integer, got ${String(value)}.`, { hint: `Example: ${flag} 100` });
  }
  return value;
}
