// Training-step and inference benchmark of the tfjs backend, on the same LLaMA-style stack as the
// onnx backend's bench (bench/train-step.mjs: hidden 512, 8 heads, 4 layers, seq 256, batch 4).
// Run after `npx tsc -b packages/backend-tfjs` from the repo root:
//   node packages/backend-tfjs/bench/train-step.mjs --engine wasm [--steps 3] [--small] [--fold]
// --fold folds transposes into tfjs's transposed matmul (the slow path on wasm), for comparison.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import * as core from '@okapi/core';
import { TfjsBackend } from '@okapi/backend-tfjs';
import { benchShape, initialWeights, parameterSpecs, positionInputs, scalar, traceForward, traceTrainStep } from '../../../bench/train-step-model.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const engine = option('engine', 'wasm');
const steps = Number(option('steps', 3));
const shape = args.includes('--small') ? { ...benchShape, seq: 64, batch: 1 } : benchShape;
const appendAdamW = core.appendAdamW ?? (await import('../../core/dist/optim/adamw-step.js')).appendAdamW;

const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
const config = { backend: { name: 'tfjs', device: engine === 'wasm' ? 'wasm' : 'cpu' }, tfjs: { engine } };
const backend = new TfjsBackend(config, logger, []);
await backend.init();
if (args.includes('--fold')) {
  // the engine spec decides whether MatMul reads folded transposes; override it for the comparison run
  const started = backend.started;
  started.engine = { ...started.engine, slowTransposedMatMul: false };
}

const weights = initialWeights(shape);
const pos = positionInputs(shape);
const n = shape.batch * shape.seq * shape.hidden;
const noise = (seed) => { let s = seed; const d = new Float32Array(n); for (let i = 0; i < n; i++) d[i] = ((s = (Math.imul(s, 48271) + 11) >>> 0) / 2 ** 32) - 0.5; return { dtype: 'float32', shape: [shape.batch, shape.seq, shape.hidden], data: d }; };
const paramCount = parameterSpecs(shape).reduce((a, [, d]) => a + d.reduce((x, y) => x * y, 1), 0);

/** Wall and process CPU ms per call; on a shared machine the CPU time is the steadier number (wasm and pure JS run on one thread). */
async function timeIt(count, fn) {
  await fn(); // warm-up
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < count; i++) await fn();
  const c = process.cpuUsage(c0);
  return { ms: (performance.now() - t0) / count, cpuMs: (c.user + c.system) / 1000 / count };
}

const train = await backend.compile(traceTrainStep(shape, appendAdamW));
const state = {};
for (const [name, w] of Object.entries(weights)) {
  state[name] = backend.upload(w);
  state[`m:${name}`] = backend.upload({ ...w, data: new Float32Array(w.data.length) });
  state[`v:${name}`] = backend.upload({ ...w, data: new Float32Array(w.data.length) });
}
const fixed = { hidden_states: backend.upload(noise(3)), target: backend.upload(noise(5)), cos: backend.upload(pos.cos), sin: backend.upload(pos.sin), mask: backend.upload(pos.mask), lr: backend.upload(scalar(1e-3)), gradScale: backend.upload(scalar(1)) };
const losses = [];
let stepCount = 0;
const train1 = await timeIt(steps, async () => {
  const stepT = backend.upload(scalar(++stepCount));
  const out = await train.run({ ...fixed, ...state, step: stepT });
  stepT.dispose();
  losses.push((await backend.download(out.loss)).data[0]);
  for (const key of Object.keys(state)) {
    state[key].dispose();
    state[key] = out[`new:${key}`];
  }
  out.loss.dispose();
  out.gradNorm.dispose();
});
const peakRssMiB = process.resourceUsage().maxRSS / 1024;

const { graph: fwdGraph, output } = traceForward(shape, 'llama-stack-forward');
fwdGraph.output('y', output);
const forward = await backend.compile(fwdGraph);
const fwdFeeds = { ...Object.fromEntries(Object.keys(weights).map((k) => [k, state[k]])), hidden_states: fixed.hidden_states, cos: fixed.cos, sin: fixed.sin, mask: fixed.mask };
const infer1 = await timeIt(steps, async () => { const r = await forward.run(fwdFeeds); await backend.download(r.y); r.y.dispose(); });

console.log(`tfjs engine '${backend.engine}'${args.includes('--fold') ? ' (transposes folded into matmul flags)' : ''}; shape ${JSON.stringify(shape)}; ${(paramCount / 1e6).toFixed(2)}M params`);
console.table([
  { what: 'train step (fwd+bwd+AdamW)', wall: `${train1.ms.toFixed(0)} ms`, cpu: `${train1.cpuMs.toFixed(0)} ms`, rate: `${(1000 / train1.ms).toFixed(3)} steps/s (${(1000 / train1.cpuMs).toFixed(3)} by CPU time)` },
  { what: 'inference (forward)', wall: `${infer1.ms.toFixed(0)} ms`, cpu: `${infer1.cpuMs.toFixed(0)} ms`, rate: '' },
]);
console.log(`loss over ${losses.length} steps: ${losses.map((l) => l.toFixed(5)).join(' → ')}`);
console.log(`peak RSS ${peakRssMiB.toFixed(0)} MiB; weights + AdamW moments need ${(paramCount * 12 / 2 ** 20).toFixed(0)} MiB; live device tensors ${backend.memory().tensors}`);
await forward.dispose();
await backend.dispose();
