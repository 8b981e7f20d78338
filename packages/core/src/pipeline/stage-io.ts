import { stat } from 'node:fs/promises';
import path from 'node:path';
import { RunOriginToken } from '../di/run-tokens';
import type { RunScope } from '../di/run-scope';
import { findLanguageFile } from '../data/okapi-files';
import { readDataset } from '../data/read-dataset';
import type { DatasetRecord, RecordKind, RecordOfKind } from '../data/records';
import { OkapiError } from '../errors/okapi-error';
import type { InvalidPolicy } from '../data/validation/open-dataset';

/** What every stage shares besides its own options. */
export interface StageRunOptions {
  /** The run directory. */
  readonly output: string;
  /** Continue from the newest checkpoint in `output` when there is one. */
  readonly resume: boolean;
  readonly signal: AbortSignal;
  readonly onInvalid?: InvalidPolicy;
}

/** A required stage option, or a usage error naming the config key and the flag. */
export function required<T>(value: T | undefined, key: string, flag: string): T {
  if (value === undefined) throw new OkapiError(`Missing '${key}'.`, { hint: `Pass ${flag} or set '${key}' in okapi.config.ts.` });
  return value;
}

/**
 * Reads a stage's data: a file, or a directory of Okapi `{lang}.json` files. Every record must be of
 * one of the accepted kinds (e.g. instruction data for SFT).
 */
export async function readStageRecords<K extends RecordKind>(
  scope: RunScope, data: string, format: string | undefined, kinds: readonly K[], onInvalid: InvalidPolicy = 'fail',
): Promise<RecordOfKind<K>[]> {
  const resolved = resolveUserPath(scope, data);
  const file = (await stat(resolved).catch(() => undefined))?.isDirectory() ? await findLanguageFile(resolved, scope.config.lang) : resolved;
  const { records, report } = await readDataset(file, { adapters: scope.contributions('datasetAdapter'), format, onInvalid });
  if (report.invalid > 0) scope.logger.warn(`${file}: skipped ${report.invalid} invalid records (written to ${report.rejectedFile ?? 'nowhere'})`);
  const wrong = records.find((r) => !(kinds as readonly string[]).includes(r.record.kind));
  if (wrong !== undefined) {
    throw new OkapiError(`${file}: this stage needs ${kinds.join(' or ')} records, but the data holds '${wrong.record.kind}' records.`, {
      hint: 'Point the stage at the right dataset (SFT: instruction data; RM/DPO: preference pairs or ranked lists; PPO: prompts).',
    });
  }
  return records.map((r) => r.record as DatasetRecord as RecordOfKind<K>);
}

/** A user-given path, relative to the directory the command was run from (or the process cwd). */
export function resolveUserPath(scope: RunScope, p: string): string {
  const cwd = scope.container.isRegistered(RunOriginToken, true) ? scope.resolve(RunOriginToken).cwd : process.cwd();
  return path.resolve(cwd, p);
}
