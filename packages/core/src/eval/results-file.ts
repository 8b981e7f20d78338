import { readFile } from 'node:fs/promises';
import { OkapiError } from '../errors/okapi-error';
import type { TaskResult } from './evaluation-types';

/** Run settings recorded with every results file (lm-eval's `config`, plus what Okapi.ts adds). */
export interface EvalRunConfig {
  readonly model: string;
  readonly model_args: string | null;
  readonly batch_size: number;
  readonly device: string | null;
  readonly backend: string | null;
  readonly limit: number | null;
  readonly bootstrap_iters: number;
  readonly stderr: 'analytic' | 'bootstrap';
  readonly description_dict: Readonly<Record<string, string>>;
  readonly seed: number;
  readonly max_length: number;
  readonly data_dir: string;
  /** Shots, split and files per task, so a result says exactly what was run. */
  readonly num_fewshot: Readonly<Record<string, number>>;
  readonly split: Readonly<Record<string, string>>;
  readonly data_files: Readonly<Record<string, { readonly scored: string; readonly fewShot?: string }>>;
  readonly okapi_version: string;
  readonly date: string;
}

/** A results file, shaped like lm-evaluation-harness v0.3 output (results, versions, config) plus n and timing. */
export interface EvalResultsFile {
  readonly results: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly versions: Readonly<Record<string, number>>;
  readonly config: EvalRunConfig;
  readonly n: Readonly<Record<string, number>>;
  readonly timing: Readonly<Record<string, { readonly seconds: number; readonly items_per_second: number }>>;
}

export type RunConfigBase = Omit<EvalRunConfig, 'num_fewshot' | 'split' | 'data_files'>;

export function toResultsFile(results: readonly TaskResult[], base: RunConfigBase): EvalResultsFile {
  const by = <T>(f: (r: TaskResult) => T): Record<string, T> => Object.fromEntries(results.map((r) => [r.name, f(r)]));
  return {
    results: by((r) => r.metrics),
    versions: by((r) => r.version),
    config: { ...base, num_fewshot: by((r) => r.shots), split: by((r) => r.split), data_files: by((r) => r.files) },
    n: by((r) => r.n),
    timing: by((r) => ({ seconds: r.seconds, items_per_second: r.itemsPerSecond })),
  };
}

function isNumberRecord(value: unknown): value is Record<string, number | null> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => v === null || typeof v === 'number');
}

/** Reads a results file written by `okapi eval` or by lm-evaluation-harness (results + versions suffice). */
export async function readResultsFile(path: string): Promise<Pick<EvalResultsFile, 'results'> & Partial<EvalResultsFile>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new OkapiError(code === 'ENOENT' ? `Results file not found: ${path}` : `${path}: not a JSON results file (${(cause as Error).message})`, {
      cause, hint: 'Pass files written by `okapi eval --output FILE`.',
    });
  }
  const results = (parsed as { results?: unknown }).results;
  if (typeof results !== 'object' || results === null || !Object.values(results).every(isNumberRecord)) {
    throw new OkapiError(`${path}: "results" must map task names to {metric: number}`, { hint: 'Pass files written by `okapi eval --output FILE`.' });
  }
  return parsed as Pick<EvalResultsFile, 'results'> & Partial<EvalResultsFile>;
}
