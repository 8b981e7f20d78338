// Inference of the benchmark stack (issue 3): our IR graph on the onnx backend vs plain onnxruntime
// running the same stack exported by torch.onnx.export (bench/pytorch/export_stack.py) with the same
// weights, in the same run (runs interleaved, so load changes hit both alike). Run after `npx tsc -b`:
//   node bench/train-inference-export.mjs [--runs 10] [--threads 2] [--small]
import 'reflect-metadata';
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URL, fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { OnnxBackend, onnxKernels } from '@okapi/backend-onnx';
import { benchShape, initialWeights, parameterSpecs, positionInputs, traceForward } from './train-step-model.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : fallback; };
const runs = flag('runs', 10);
const threads = flag('threads', 2);
const shape = args.includes('--small') ? { ...benchShape, seq: 64, batch: 1 } : benchShape;

/** Writes the weights, runs torch.onnx.export; returns the .onnx path and the torch version. */
function exportWithTorch(dir, weights) {
  const flat = parameterSpecs(shape).map(([name]) => weights[name].data);
  writeFileSync(join(dir, 'weights.bin'), Buffer.concat(flat.map((d) => Buffer.from(d.buffer, d.byteOffset, d.byteLength))));
  const out = join(dir, 'stack.onnx');
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const script = fileURLToPath(new URL('./pytorch/export_stack.py', import.meta.url));
  const { hidden, heads, layers, seq, batch, intermediate } = shape;
  const run = spawnSync(process.env.OKAPI_BENCH_PYTHON ?? '/usr/bin/python3',
    [script, join(dir, 'weights.bin'), out, hidden, heads, layers, seq, batch, intermediate].map(String), { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`torch.onnx.export failed: ${(run.stderr || run.error?.message || '').trim().split('\n').pop()}`);
  return { path: out, torch: run.stdout.trim().split('\n').pop() };
}

const dir = mkdtempSync(join(tmpdir(), 'okapi-bench-export-'));
try {
  const weights = initialWeights(shape);
  const exported = exportWithTorch(dir, weights);
  const n = shape.batch * shape.seq * shape.hidden;
  let s = 3;
  const input = { dtype: 'float32', shape: [shape.batch, shape.seq, shape.hidden], data: Float32Array.from({ length: n }, () => ((s = (Math.imul(s, 48271) + 11) >>> 0) / 2 ** 32) - 0.5) };

  const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
  const backend = new OnnxBackend({ backend: { name: 'onnx', device: 'cpu', threads }, onnx: {} }, logger, [...onnxKernels]);
  await backend.init();
  const { graph, output } = traceForward(shape, 'llama-stack-forward');
  graph.output('y', output);
  const constants = Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, backend.upload(w)]));
  const forward = await backend.compile(graph, { constants }); // weights baked, as in an exported model
  const pos = positionInputs(shape);
  const feeds = { hidden_states: backend.upload(input), cos: backend.upload(pos.cos), sin: backend.upload(pos.sin), mask: backend.upload(pos.mask) };
  const runOurs = async () => { const r = await forward.run(feeds); const y = await backend.download(r.y); r.y.dispose(); return y.data; };

  const session = await ort.InferenceSession.create(exported.path, { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
  const ortFeeds = { hidden_states: new ort.Tensor('float32', input.data, input.shape) };
  const runExported = async () => (await session.run(ortFeeds)).y.data;

  let ours = await runOurs(); // warm-up both
  let theirs = await runExported();
  const oursMs = [];
  const theirsMs = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    ours = await runOurs();
    oursMs.push(performance.now() - t);
    t = performance.now();
    theirs = await runExported();
    theirsMs.push(performance.now() - t);
  }
  let maxDiff = 0;
  for (let i = 0; i < ours.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i] - theirs[i]));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [o, e] = [median(oursMs), median(theirsMs)];
  console.log(`shape ${JSON.stringify(shape)}; ${runs} interleaved runs each, median; intra-op threads ${threads}`);
  console.table([
    { what: 'inference, onnx backend (IR → ONNX, weights as constants)', time: `${o.toFixed(1)} ms`, ratio: `${(o / e).toFixed(2)}× exported` },
    { what: `inference, onnxruntime-node on torch ${exported.torch} torch.onnx.export (opset 14)`, time: `${e.toFixed(1)} ms`, ratio: '1.00×' },
  ]);
  console.log(`outputs agree: max |diff| = ${maxDiff.toExponential(2)} (same weights, same input)`);
  await session.release();
  await backend.dispose();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
