import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EvalResultsFile, TaskResult } from '@okapi/core';

/** Writes the results JSON (creating its folder). */
export async function writeResultsFile(path: string, file: EvalResultsFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`);
}

/** One `{task}_{lang}.json` per pair with every scored doc (context, continuations, log-likelihoods, metrics). */
export async function writeSampleLogs(dir: string, results: readonly TaskResult[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const r of results) {
    const path = join(dir, `${r.name}.json`);
    await writeFile(path, `${JSON.stringify(r.samples ?? [], null, 1)}\n`);
    written.push(path);
  }
  return written;
}
