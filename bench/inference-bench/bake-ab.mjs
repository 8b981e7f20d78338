// A/B of the baked decoder's weight layout (issue 4): the same decoder graph and weights written
// (A) as `okapi export` writes them, MatMul(x, Transpose(W)) that onnxruntime folds, and (B) as the
// onnx backend's bake writes them (pre-transposed linears, FusedMatMul(transB) head slices), each
// run by a plain onnxruntime session in this one process, interleaved, so machine load hits both
// alike. Checks the greedy ids agree and compares the logits bit for bit.
//   node bench/inference-bench/bake-ab.mjs <model dir> [--reps 3] [--threads 2] [--prefill 512] [--new-tokens 16]
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import * as core from '@okapi/core';
import { OnnxBackend, onnxKernels, greedyWithExportedDecoder } from '@okapi/backend-onnx';
import { promptIds } from './workload.mjs';

const [modelDir, ...rest] = process.argv.slice(2);
const option = (name, fallback) => { const i = rest.indexOf(`--${name}`); return i >= 0 ? Number(rest[i + 1]) : fallback; };
const threads = option('threads', 2);
const require = createRequire(createRequire(import.meta.url).resolve('@okapi/backend-onnx'));
const ort = require('onnxruntime-node');
const { writeBakedModel } = require('./bake/write-baked-model.js');

const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
const backend = new OnnxBackend({ backend: { name: 'onnx', device: 'cpu', threads }, onnx: {} }, logger, [...onnxKernels]);
await backend.init();
const model = await core.loadModelDirectory(modelDir, new core.FamilyRegistry([core.llamaFamily, core.bloomFamily]));
const graph = core.buildDecoderGraph(model.arch, undefined, { numLogitsToKeep: true });
let weights = Object.fromEntries(model.weights);
const work = mkdtempSync(path.join(tmpdir(), 'okapi-bake-ab-'));
const lowerings = backend['loweringsFor'](graph, undefined); // what compile() uses
await backend.exportModel(graph, { path: path.join(work, 'a', 'model.onnx'), weights });
mkdirSync(path.join(work, 'b'));
const b = await writeBakedModel(graph, { weights, lowerings }, path.join(work, 'b'));
model.weights.clear();
weights = undefined; // the host copy goes before the two sessions load theirs
const settings = { intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all', logSeverityLevel: 3 };
const sessions = { A: await ort.InferenceSession.create(path.join(work, 'a', 'model.onnx'), settings), B: await ort.InferenceSession.create(b.modelPath, settings) };
rmSync(work, { recursive: true, force: true });

const vocab = model.arch.config.vocabSize;
const cases = [
  { name: `prefill ${option('prefill', 512)}`, prompts: promptIds(1, option('prefill', 512), vocab, 1), steps: 0, tokens: option('prefill', 512) },
  ...[1, 8].map((batch) => ({ name: `decode b${batch}`, prompts: promptIds(batch, 32, vocab, 100 + batch), steps: option('new-tokens', 16), tokens: batch * option('new-tokens', 16) })),
];
for (const c of cases) {
  const times = { A: [], B: [] };
  const last = {};
  const mask = c.prompts.map((row) => row.map(() => 1));
  for (let rep = 0; rep <= option('reps', 3); rep++) {
    for (const key of ['A', 'B']) {
      const started = performance.now();
      const run = await greedyWithExportedDecoder(sessions[key], { ids: c.prompts, mask }, c.steps, { numLogitsToKeep: 1 });
      if (rep > 0) times[key].push((performance.now() - started) / 1000); // rep 0 warms up
      last[key] = run;
    }
  }
  const same = last.A.ids.every((row, r) => row.every((id, i) => id === last.B.ids[r][i]));
  const bits = last.A.logits.every((t, i) => Buffer.compare(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength), Buffer.from(last.B.logits[i].data.buffer, last.B.logits[i].data.byteOffset, last.B.logits[i].data.byteLength)) === 0);
  const rate = (k) => times[k].map((s) => c.tokens / s);
  const best = (k) => Math.max(...rate(k));
  console.log(`${c.name}: export layout ${best('A').toFixed(1)} tok/s, baked layout ${best('B').toFixed(1)} tok/s (best of ${times.A.length}; B/A ${(best('B') / best('A')).toFixed(3)}; all A ${rate('A').map((x) => x.toFixed(1)).join(' ')} B ${rate('B').map((x) => x.toFixed(1)).join(' ')}); greedy ids equal: ${same}; logits bit-identical: ${bits}`);
}
await sessions.A.release();
await sessions.B.release();
