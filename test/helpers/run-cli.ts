import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '@okapi/cli';
import { repoRoot } from './temp-dir';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class TextSink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs `okapi ...argv` in-process (fast; the e2e tests for jest-visible behaviour). */
export async function runCliInProcess(argv: readonly string[], cwd: string): Promise<CliResult> {
  const stdout = new TextSink();
  const stderr = new TextSink();
  const code = await main(argv, { cwd, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the built `okapi` binary in a real process (needs `tsc -b`, which `npm test` runs first). */
export function runCliProcess(argv: readonly string[], cwd: string): CliResult {
  const bin = path.join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');
  const result = spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
