// The tfjs columns of the training-step benchmark (issue 3): the same IR graph as bench/train-step.mjs
// (LLaMA-style stack, forward + backward + AdamW, from bench/train-step-model.mjs) on the tfjs
// backend, each engine in its own child process (its own peak RSS). Run after `npx tsc -b`:
//   node bench/train-tfjs.mjs [--engines wasm,cpu] [--steps 1] [--small] [--with-onnx]
// --with-onnx first runs bench/train-step.mjs (onnx backend + PyTorch baseline) in the same run.
// The first step of each engine is timed separately (no compile step in tfjs, but kernel warm-up);
// slow engines are timed on that single step only (--steps 0).
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { URL, fileURLToPath } from 'node:url';
import { appendAdamW } from '@okapi/core';
import { TfjsBackend } from '@okapi/backend-tfjs';
import { benchShape, initialWeights, parameterSpecs, positionInputs, scalar, traceTrainStep } from './train-step-model.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const steps = Number(option('steps', 1));
const small = args.includes('--small');
const shape = small ? { ...benchShape, seq: 64, batch: 1 } : benchShape;

/** Child mode: one engine, prints one JSON line. */
async function measureEngine(engine) {
  const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
  const backend = new TfjsBackend({ backend: { name: 'tfjs', device: 'cpu', threads: 2 }, tfjs: { engine } }, logger, []);
  await backend.init();
  const train = await backend.compile(traceTrainStep(shape, appendAdamW));
  const n = shape.batch * shape.seq * shape.hidden;
  const noise = (seed) => { let s = seed; const d = new Float32Array(n); for (let i = 0; i < n; i++) d[i] = ((s = (Math.imul(s, 48271) + 11) >>> 0) / 2 ** 32) - 0.5; return { dtype: 'float32', shape: [shape.batch, shape.seq, shape.hidden], data: d }; };
  const pos = positionInputs(shape);
  const fixed = { hidden_states: backend.upload(noise(3)), target: backend.upload(noise(5)), cos: backend.upload(pos.cos), sin: backend.upload(pos.sin), mask: backend.upload(pos.mask), lr: backend.upload(scalar(1e-3)), gradScale: backend.upload(scalar(1)) };
  const state = {};
  for (const [name, w] of Object.entries(initialWeights(shape))) {
    state[name] = backend.upload(w);
    state[`m:${name}`] = backend.upload({ ...w, data: new Float32Array(w.data.length) });
    state[`v:${name}`] = backend.upload({ ...w, data: new Float32Array(w.data.length) });
  }
  const losses = [];
  const stepMs = [];
  for (let step = 1; step <= steps + 1; step++) {
    const t0 = performance.now();
    const stepT = backend.upload(scalar(step));
    const out = await train.run({ ...fixed, ...state, step: stepT });
    stepT.dispose();
    losses.push((await backend.download(out.loss)).data[0]);
    for (const key of Object.keys(state)) { state[key].dispose(); state[key] = out[`new:${key}`]; }
    out.loss.dispose();
    out.gradNorm.dispose();
    stepMs.push(performance.now() - t0);
  }
  const result = { engine: backend.engine, stepMs, losses, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
  await backend.dispose();
  return result;
}

if (option('child', undefined)) {
  console.log(JSON.stringify(await measureEngine(option('child'))));
} else {
  const self = fileURLToPath(import.meta.url);
  if (args.includes('--with-onnx')) {
    const onnx = spawnSync(process.execPath, [fileURLToPath(new URL('./train-step.mjs', import.meta.url)), '--threads', '2', ...(small ? ['--small'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    console.log(onnx.stdout);
  }
  const params = parameterSpecs(shape).reduce((a, [, d]) => a + d.reduce((x, y) => x * y, 1), 0);
  const rows = [];
  for (const engine of option('engines', 'wasm,cpu').split(',')) {
    const run = spawnSync(process.execPath, [self, '--child', engine, '--steps', String(steps), ...(small ? ['--small'] : [])], { encoding: 'utf8', timeout: 60 * 60_000 });
    if (run.status !== 0) { rows.push({ what: `train step, tfjs ${engine}`, time: 'failed', note: (run.stderr || run.error?.message || '').trim().split('\n').pop() }); continue; }
    const r = JSON.parse(run.stdout.trim().split('\n').pop());
    const timed = r.stepMs.length > 1 ? r.stepMs.slice(1) : r.stepMs;
    const ms = timed.reduce((a, b) => a + b, 0) / timed.length;
    rows.push({
      what: `train step (fwd+bwd+AdamW), tfjs ${r.engine}`, time: `${(ms / 1000).toFixed(2)} s`, 'steps/s': (1000 / ms).toFixed(3),
      note: `${r.stepMs.length > 1 ? `mean of ${timed.length} after a warm-up step of ${(r.stepMs[0] / 1000).toFixed(1)} s` : 'one step, no warm-up'}; `
        + `peak RSS ${r.peakRssMiB.toFixed(0)} MiB; loss ${r.losses.map((l) => l.toFixed(4)).join(' → ')}`,
    });
  }
  console.log(`shape ${JSON.stringify(shape)}; ${(params / 1e6).toFixed(2)}M params; weights + AdamW moments need ${(params * 12 / 2 ** 20).toFixed(0)} MiB`);
  console.table(rows);
}
