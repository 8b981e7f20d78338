// Training-step and inference benchmark of the onnx backend (issue 3). Run after `npx tsc -b`:
//   node bench/train-step.mjs [--steps 5] [--threads 2] [--small]
// Prints steps/s for forward+backward+AdamW of a LLaMA-style stack (hidden 512, 8 heads, 4 layers,
// seq 256, batch 4, float32), peak RSS vs the bytes weights + AdamW state need, and inference time
// against onnxruntime running a hand-written ONNX model of the same stack.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import * as core from '@okapi/core';
import { OnnxBackend, onnxKernels } from '@okapi/backend-onnx';
import { benchShape, initialWeights, parameterSpecs, positionInputs, scalar, traceForward, traceTrainStep } from './train-step-model.mjs';
import { handExportedRunner } from './train-step-hand-onnx.mjs';
import { torchBaseline } from './train-step-torch.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : fallback; };
const steps = flag('steps', 5);
const threads = flag('threads', 2);
const shape = args.includes('--small') ? { ...benchShape, seq: 64, batch: 1 } : benchShape;
const appendAdamW = core.appendAdamW ?? (await import('../packages/core/dist/optim/adamw-step.js')).appendAdamW;

const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
// the stack's cos/sin are HF tables, so the opt-in RotaryEmbedding kernel is exact here (as in the hand-written model)
const config = { backend: { name: 'onnx', device: 'cpu', threads }, onnx: { fusedKernels: ['RMSNorm', 'Gelu', 'Rotary'] } };
const backend = new OnnxBackend(config, logger, [...onnxKernels]);
await backend.init();

const weights = initialWeights(shape);
const pos = positionInputs(shape);
const n = shape.batch * shape.seq * shape.hidden;
const noise = (seed) => { let s = seed; const d = new Float32Array(n); for (let i = 0; i < n; i++) d[i] = ((s = (Math.imul(s, 48271) + 11) >>> 0) / 2 ** 32) - 0.5; return { dtype: 'float32', shape: [shape.batch, shape.seq, shape.hidden], data: d }; };
const input = noise(3);
const target = noise(5);
const paramCount = parameterSpecs(shape).reduce((a, [, d]) => a + d.reduce((x, y) => x * y, 1), 0);

async function timeIt(label, count, fn) {
  await fn(); // warm-up (session creation, allocator arenas)
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await fn(i);
  const ms = (performance.now() - t0) / count;
  return { label, ms };
}

// --- matmul peak of onnxruntime here and now (the machine may be shared: read rates against it) ---
const ortMatmulGflops = await (async () => {
  const { OnnxModelBuilder } = await import('@okapi/backend-onnx');
  const ort = await import('onnxruntime-node');
  const b = new OnnxModelBuilder('mm');
  b.addInput('a', 'float32', [1024, 1024]);
  b.addInput('b', 'float32', [1024, 1024]);
  b.addOutput('c', b.op('MatMul', ['a', 'b']), 'float32');
  const s = await ort.InferenceSession.create(b.encode(), { intraOpNumThreads: threads });
  const t = new ort.Tensor('float32', new Float32Array(1024 * 1024).fill(0.5), [1024, 1024]);
  const timing = await timeIt('matmul', 5, () => s.run({ a: t, b: t }));
  await s.release();
  return (2 * 1024 ** 3) / (timing.ms / 1000) / 1e9;
})();
const { hidden: h, seq: sl, batch: bs, layers: nl, intermediate: f } = shape;
const forwardFlops = 2 * bs * sl * nl * (4 * h * h + 3 * h * f) + nl * 4 * bs * sl * sl * h;
const trainFlops = 3 * forwardFlops;

// --- training step ---------------------------------------------------------------------------
const tTrace = performance.now();
const trainGraph = traceTrainStep(shape, appendAdamW);
const traceMs = performance.now() - tTrace;
const tCompile = performance.now();
const train = await backend.compile(trainGraph);
const compileMs = performance.now() - tCompile;
const state = {};
for (const [name, w] of Object.entries(weights)) {
  state[name] = backend.upload(w);
  state[`m:${name}`] = backend.upload({ ...w, data: new Float32Array(w.data.length) });
  state[`v:${name}`] = backend.upload({ ...w, data: new Float32Array(w.data.length) });
}
const fixed = { hidden_states: backend.upload(input), target: backend.upload(target), cos: backend.upload(pos.cos), sin: backend.upload(pos.sin), mask: backend.upload(pos.mask), lr: backend.upload(scalar(1e-3)), gradScale: backend.upload(scalar(1)) };
const losses = [];
let stepCount = 0;
const trainStep = async () => {
  stepCount++;
  const stepT = backend.upload(scalar(stepCount));
  const out = await train.run({ ...fixed, ...state, step: stepT });
  stepT.dispose();
  losses.push((await backend.download(out.loss)).data[0]);
  for (const key of Object.keys(state)) { // new:* outputs become next step's inputs: no host copy
    state[key].dispose();
    state[key] = out[`new:${key}`];
  }
  out.loss.dispose();
  out.gradNorm.dispose();
};
const trainTiming = await timeIt('train step', steps, trainStep);
const peakRssMiB = process.resourceUsage().maxRSS / 1024;

// --- inference -------------------------------------------------------------------------------
const { graph: fwdGraph, output } = traceForward(shape, 'llama-stack-forward');
fwdGraph.output('y', output);
const fwdWeights = Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, backend.upload(w)]));
// inference weights are fixed: baked in as constants (onnxruntime pre-packs them, as for an exported model)
const forward = await backend.compile(fwdGraph, { constants: fwdWeights });
const fwdFeeds = { hidden_states: fixed.hidden_states, cos: fixed.cos, sin: fixed.sin, mask: fixed.mask };
const hand = await handExportedRunner(shape, weights, input, pos, threads);
const runOurs = async () => { const r = await forward.run(fwdFeeds); const y = await backend.download(r.y); r.y.dispose(); return y.data; };
// interleaved, so a load change on the machine hits both sides alike
let ours = await runOurs();
let handOut = await hand.run();
const oursTiming = { ms: 0 };
const handTiming = { ms: 0 };
for (let i = 0; i < steps; i++) {
  let t = performance.now();
  ours = await runOurs();
  oursTiming.ms += (performance.now() - t) / steps;
  t = performance.now();
  handOut = await hand.run();
  handTiming.ms += (performance.now() - t) / steps;
}
await hand.release();
let maxDiff = 0;
for (let i = 0; i < ours.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i] - handOut[i]));

const torch = args.includes('--no-torch') ? undefined : torchBaseline(shape, threads, steps);
const rows = [
  ['train step (fwd+bwd+AdamW), onnx backend CPU', `${threads}`, `${trainTiming.ms.toFixed(0)} ms`, `${(1000 / trainTiming.ms).toFixed(3)} steps/s`],
  ['inference, onnx backend (IR → ONNX)', `${threads}`, `${oursTiming.ms.toFixed(1)} ms`, `${(oursTiming.ms / handTiming.ms).toFixed(2)}× hand-exported`],
  ['inference, onnxruntime on hand-written ONNX', `${threads}`, `${handTiming.ms.toFixed(1)} ms`, '1.00×'],
];
if (torch?.trainMs !== undefined) {
  const quotable = torch.matmulGflops >= 50 ? '' : ` (not quotable: ${torch.matmulGflops.toFixed(0)} GFLOP/s < 50 on 1024³)`;
  rows.splice(1, 0, [`train step, PyTorch ${torch.torch} eager${quotable}`, `${threads}`, `${torch.trainMs.toFixed(0)} ms`,
    `${(1000 / torch.trainMs).toFixed(3)} steps/s; onnx = ${(torch.trainMs / trainTiming.ms).toFixed(2)}× torch`]);
  rows.push([`inference, PyTorch eager (no_grad)${quotable}`, `${threads}`, `${torch.inferMs.toFixed(1)} ms`, '']);
}
console.log(`shape ${JSON.stringify(shape)}; ${(paramCount / 1e6).toFixed(2)}M params; onnxruntime-node ${backend.id}`);
console.table(rows.map(([what, thr, time, rate]) => ({ what, threads: thr, time, rate })));
console.log(`model matmul FLOPs: train step ${(trainFlops / 1e9).toFixed(1)} GFLOP → ${(trainFlops / trainTiming.ms / 1e6).toFixed(1)} GFLOP/s achieved; `
  + `onnxruntime 1024³ matmul here ${ortMatmulGflops.toFixed(1)} GFLOP/s${torch?.matmulGflops ? `, torch ${torch.matmulGflops.toFixed(1)}` : ''}`);
console.log(`trace ${traceMs.toFixed(0)} ms, lower+compile ${compileMs.toFixed(0)} ms (${trainGraph.nodes.length} IR nodes)`);
console.log(`loss over ${losses.length} steps: ${losses.map((l) => l.toFixed(5)).join(' → ')}`);
console.log(`peak RSS ${peakRssMiB.toFixed(0)} MiB; weights + AdamW moments need ${(paramCount * 12 / 2 ** 20).toFixed(0)} MiB`);
console.log(`inference outputs agree with the hand-written model: max |diff| = ${maxDiff.toExponential(2)}`);
if (torch?.error) console.log(`PyTorch baseline skipped: ${torch.error}`);
await backend.dispose();
