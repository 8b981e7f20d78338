// Runs bench/train-step-torch.py (PyTorch eager baseline) in the same benchmark run.
import { spawnSync } from 'node:child_process';
import { URL, fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./train-step-torch.py', import.meta.url));

/** { torch, matmulGflops, trainMs, inferMs } or { error } when python3-torch is not usable. */
export function torchBaseline(shape, threads, steps, python = process.env.OKAPI_BENCH_PYTHON ?? '/usr/bin/python3') {
  // OpenBLAS tuning variables of the host would skew the baseline: unset for this command only
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const argv = [script, shape.hidden, shape.heads, shape.layers, shape.seq, shape.batch, shape.intermediate, threads, steps].map(String);
  const run = spawnSync(python, argv, { env, encoding: 'utf8', timeout: 30 * 60_000 });
  if (run.status !== 0) return { error: (run.stderr || run.error?.message || 'failed').trim().split('\n').pop() };
  return JSON.parse(run.stdout.trim().split('\n').pop());
}
