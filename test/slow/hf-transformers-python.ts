// Finds a Python with Hugging Face transformers (OKAPI_PYTHON, else the repo-local .venv-hf made by
// scripts/setup-hf-reference.sh) and runs test/reference/hf_interop.py on a list of tasks.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..');

export interface HfPython {
  /** The interpreter, or undefined with the reason it cannot be used. */
  readonly python?: string;
  readonly reason: string;
}

export function findHfPython(): HfPython {
  const candidates = [process.env.OKAPI_PYTHON, join(repoRoot, '.venv-hf', 'bin', 'python')].filter((p): p is string => !!p);
  for (const python of candidates) {
    if (!existsSync(python) && python.includes('/')) continue;
    const probe = spawnSync(python, ['-c', 'import torch, transformers, safetensors'], { timeout: 120_000, encoding: 'utf8' });
    if (probe.status === 0) return { python, reason: '' };
  }
  return { reason: 'no Python with torch + transformers + safetensors: run scripts/setup-hf-reference.sh, or set OKAPI_PYTHON' };
}

export type HfTask = Readonly<Record<string, unknown>> & { readonly kind: string };

export interface HfRun {
  readonly transformers: string;
  readonly results: readonly Record<string, unknown>[];
}

/** Runs every task in one Python process (transformers imports take seconds); results in task order. */
export function runHfTasks(python: string, workDir: string, tasks: readonly HfTask[]): HfRun {
  const jobs = join(workDir, 'hf-jobs.json');
  const results = join(workDir, 'hf-results.json');
  writeFileSync(jobs, JSON.stringify({ tasks }));
  const run = spawnSync(python, [join(repoRoot, 'test', 'reference', 'hf_interop.py'), jobs, results], {
    encoding: 'utf8', timeout: 300_000, env: { ...process.env, TRANSFORMERS_OFFLINE: '1', HF_HUB_OFFLINE: '1', TOKENIZERS_PARALLELISM: 'false' },
  });
  if (run.status !== 0) throw new Error(`hf_interop.py failed (${run.status}): ${run.stderr.slice(-4000)}`);
  return JSON.parse(readFileSync(results, 'utf8')) as HfRun;
}
