// A/B of the onnx generation runner with and without fused attention (issue 4): one process, the
// same random-weight model, two GrowingPastRunner sessions (fusedAttention true / false) run
// alternately, so machine load hits both alike. Checks logits (left-padded batch, prefill + 4 decode
// steps) and greedy ids, then times decode steps (32-token prompts, 16 new tokens) and a prefill.
// Run after `npx tsc -b`, on a model directory the inference bench prepared:
//   node bench/fused-attention-ab.mjs [--model DIR] [--batches 1,8] [--rounds 5] [--prefill 512] [--threads 2] [--cpu-time]
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import * as core from '@okapi/core';
import { OnnxBackend, onnxKernels } from '@okapi/backend-onnx';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const modelDir = option('model', path.join(os.tmpdir(), 'okapi-bench-inference/SmolLM-135M/f32'));
const batches = option('batches', '1,8').split(',').map(Number);
const rounds = Number(option('rounds', 5));
const prefillLength = Number(option('prefill', 512));
const threads = Number(option('threads', 2));
// --cpu-time: decode steps timed by the process's CPU time instead of wall time; with --threads 1
// (no spinning pool threads) that is the work per step, which other processes on the machine barely change
const cpuTime = args.includes('--cpu-time');

const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
const backend = new OnnxBackend({ backend: { name: 'onnx', device: 'cpu', threads }, onnx: {} }, logger, [...onnxKernels]);
await backend.init();
const model = await core.loadModelDirectory(modelDir, new core.FamilyRegistry([core.llamaFamily, core.bloomFamily]));
const vocab = model.arch.config.vocabSize;
const maxLength = Math.min(model.arch.config.maxPositions ?? 2048, 2048);
const runners = {
  decomposed: core.GrowingPastRunner.create(backend, model.arch, model.weights, { maxLength, fusedAttention: false }),
  fused: core.GrowingPastRunner.create(backend, model.arch, model.weights, { maxLength, fusedAttention: true }),
};

/** Logits of a left-padded batch: prefill and 4 decode steps. */
async function trace(runner) {
  const rows = [[5, 6, 7, 8, 9, 10, 11], [12, 13, 14], [15, 16, 17, 18, 19]];
  const prompts = { inputIds: rows.map((p) => [...Array(7 - p.length).fill(0), ...p]), attentionMask: rows.map((p) => [...Array(7 - p.length).fill(0), ...p.map(() => 1)]) };
  const steps = [await runner.prefill(prompts, 5)];
  for (let i = 0; i < 4; i++) steps.push(await runner.decode([3 + i, 40 + i, 77 + i]));
  runner.end();
  return steps;
}

async function generate(runner, batch, promptLength, newTokens) {
  const prompts = Array.from({ length: batch }, (_, r) => Array.from({ length: promptLength }, (_, i) => 3 + ((i * 7919 + r * 104729) % (vocab - 3))));
  const [marks, cpu] = [[], []];
  const start = performance.now();
  const result = await core.generate(runner, prompts, {
    doSample: false, maxNewTokens: newTokens, eosIds: [], padId: 0,
    onToken: (e) => { if (e.row === batch - 1) { marks.push(performance.now()); cpu.push(process.cpuUsage()); } },
  });
  const cpuMs = (u) => (u.user + u.system) / 1000;
  const stepMs = (cpuTime ? cpuMs(cpu.at(-1)) - cpuMs(cpu[0]) : marks.at(-1) - marks[0]) / (marks.length - 1);
  return { prefillMs: marks[0] - start, stepMs, ids: result.outputIds.map((r) => r.join(',')).join(';') };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${modelDir}: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${threads} threads, decode timed by ${cpuTime ? 'CPU' : 'wall'} time; ${new Date().toISOString()}; uptime ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const [a, b] = [await trace(runners.decomposed), await trace(runners.fused)];
let maxDiff = 0;
a.forEach((step, s) => step.forEach((row, r) => row.forEach((x, i) => { maxDiff = Math.max(maxDiff, Math.abs(x - b[s][r][i])); })));
console.log(`logits, left-padded batch of 3, prefill + 4 steps: max |fused − decomposed| = ${maxDiff.toExponential(2)}`);
for (const runner of Object.values(runners)) await generate(runner, 1, 8, 3); // compile + warm up
for (const batch of batches) {
  const times = { decomposed: [], fused: [] };
  const ids = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, runner] of Object.entries(runners)) {
      const run = await generate(runner, batch, 32, 16);
      times[name].push(run.stepMs);
      ids[name] = run.ids;
    }
  }
  const rate = (ms) => (batch * 1000 / ms).toFixed(1);
  const [d, f] = [Math.min(...times.decomposed), Math.min(...times.fused)];
  console.log(`decode b${batch}: decomposed ${rate(d)} tok/s (median ${rate(median(times.decomposed))}), fused ${rate(f)} tok/s (median ${rate(median(times.fused))}) → ${(d / f).toFixed(3)}× (medians ${(median(times.decomposed) / median(times.fused)).toFixed(3)}×); greedy ids equal: ${ids.decomposed === ids.fused}`);
}
if (prefillLength > 0) {
  const times = { decomposed: [], fused: [] };
  for (let round = 0; round < Math.max(2, Math.ceil(rounds / 2)); round++) {
    for (const [name, runner] of Object.entries(runners)) times[name].push((await generate(runner, 1, prefillLength, 1)).prefillMs);
  }
  const [d, f] = [Math.min(...times.decomposed), Math.min(...times.fused)];
  console.log(`prefill ${prefillLength}: decomposed ${(prefillLength * 1000 / d).toFixed(1)} tok/s, fused ${(prefillLength * 1000 / f).toFixed(1)} tok/s → ${(d / f).toFixed(3)}×`);
}
for (const runner of Object.values(runners)) await runner.dispose();
await backend.dispose();
console.log(`uptime at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
