import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HfCheckpointReader, SafetensorsFile } from '@okapi/core';
import { repoRoot } from './temp-dir';

const bin = path.join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');

/** Lines of `<runDir>/metrics.jsonl` (of one stage when given), 0 while the file does not exist. */
export function metricLines(runDir: string, stage?: string): number {
  const file = path.join(runDir, 'metrics.jsonl');
  if (!existsSync(file)) return 0;
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  // the last line may be half-written while the run goes on
  const parsed = lines.flatMap((l) => { try { return [JSON.parse(l) as { stage?: string }]; } catch { return []; } });
  return stage === undefined ? parsed.length : parsed.filter((m) => m.stage === stage).length;
}

/** Runs the built `okapi` binary to its end (asynchronously, so two runs can overlap). */
export function runOkapi(argv: readonly string[], cwd: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [bin, ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  const collect = (chunk: Buffer) => { output += chunk.toString(); };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

/** Runs `okapi argv` and SIGKILLs it (no chance to save anything) as soon as `ready()` holds. */
export function runUntilKilled(argv: readonly string[], cwd: string, ready: () => boolean): Promise<void> {
  const child = spawn(process.execPath, [bin, ...argv], { cwd, stdio: 'ignore' });
  return new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => { if (ready()) { clearInterval(timer); child.kill('SIGKILL'); } }, 20);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`okapi ${argv.join(' ')} exited (code ${code}) before it could be killed`));
    });
  });
}

/** Largest |a − b| per tensor over the weights and (when saved) optimizer moments of two model directories. */
export async function maxAbsDiffs(dirA: string, dirB: string): Promise<Map<string, number>> {
  const diffs = new Map<string, number>();
  const compare = (name: string, a: Float32Array, b: Float32Array | undefined) => {
    let worst = b === undefined || b.length !== a.length ? Infinity : 0;
    a.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - (b?.[i] ?? NaN))); });
    diffs.set(name, Number.isNaN(worst) ? Infinity : worst);
  };
  const [a, b] = [await HfCheckpointReader.open(dirA), await HfCheckpointReader.open(dirB)];
  for (const name of new Set([...a.names, ...b.names])) compare(name, await a.read(name), b.has(name) ? await b.read(name) : undefined);
  await Promise.all([a.close(), b.close()]);
  const moments = (dir: string) => path.join(dir, 'optimizer.safetensors');
  if (existsSync(moments(dirA))) {
    const [ma, mb] = [await SafetensorsFile.open(moments(dirA)), await SafetensorsFile.open(moments(dirB))];
    for (const name of ma.names) compare(`optimizer:${name}`, await ma.readFloat32(name), mb.entry(name) ? await mb.readFloat32(name) : undefined);
    await Promise.all([ma.close(), mb.close()]);
  }
  return diffs;
}

/**
 * The SIGKILL-resume check shared by the stage tests: `okapi <argv> --output <stage>-straight` runs through
 * while `okapi <argv> --output <stage>-killed` is SIGKILLed once `killWhen(runDir)` holds and then continued
 * with `--resume`. Returns the checkpoint the resume started from and the per-tensor differences of
 * the two `final` directories.
 */
export async function straightVersusKilledAndResumed(
  argv: readonly string[], cwd: string, killWhen: (runDir: string) => boolean,
): Promise<{ resumedFrom: string | undefined; diffs: Map<string, number> }> {
  const [straightDir, killedDir] = [path.join(cwd, `${argv[0]}-straight`), path.join(cwd, `${argv[0]}-killed`)];
  const [straight] = await Promise.all([
    runOkapi([...argv, '--output', straightDir], cwd),
    runUntilKilled([...argv, '--output', killedDir], cwd, () => killWhen(killedDir)),
  ]);
  if (straight.code !== 0) throw new Error(`the uninterrupted run failed: ${straight.output}`);
  if (existsSync(path.join(killedDir, 'final'))) throw new Error('the killed run had already finished');
  const resumed = await runOkapi([...argv, '--output', killedDir, '--resume'], cwd);
  if (resumed.code !== 0) throw new Error(`the resumed run failed: ${resumed.output}`);
  const resumedFrom = /resuming from (\S+)/.exec(resumed.output)?.[1];
  return { resumedFrom: resumedFrom && path.basename(resumedFrom), diffs: await maxAbsDiffs(path.join(straightDir, 'final'), path.join(killedDir, 'final')) };
}
