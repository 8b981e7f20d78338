import { existsSync, readdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';

const STEP_DIR = /^step-(\d+)$/;

/** Checkpoint directories (`step-N`) under `dir`, oldest first. Half-written `*.tmp*` ones are ignored. */
export function listCheckpoints(dir: string): { step: number; path: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ match: STEP_DIR.exec(name), name }))
    .filter((e): e is { match: RegExpExecArray; name: string } => e.match !== null)
    .map((e) => ({ step: Number(e.match[1]), path: path.join(dir, e.name) }))
    .sort((a, b) => a.step - b.step);
}

export function latestCheckpoint(dir: string): { step: number; path: string } | undefined {
  return listCheckpoints(dir).at(-1);
}

/**
 * Writes a checkpoint atomically: `write` fills a temporary directory, which is renamed to `step-N`
 * only when complete; then all but the newest `keepLast` checkpoints are removed.
 */
export async function saveCheckpoint(dir: string, step: number, keepLast: number, write: (tempDir: string) => Promise<void>): Promise<string> {
  const final = path.join(dir, `step-${step}`);
  const temp = path.join(dir, `step-${step}.tmp-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await write(temp);
  await rm(final, { recursive: true, force: true });
  await rename(temp, final);
  for (const old of listCheckpoints(dir).slice(0, -Math.max(1, keepLast))) await rm(old.path, { recursive: true, force: true });
  await removeStaleTemps(dir);
  return final;
}

async function removeStaleTemps(dir: string): Promise<void> {
  for (const name of readdirSync(dir)) {
    if (/^step-\d+\.tmp-/.test(name)) await rm(path.join(dir, name), { recursive: true, force: true });
  }
}
