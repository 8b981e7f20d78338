// Where the peak RSS of one Okapi.ts generate goes (issue 4, "Peak RSS ≤ 1.5× the weight bytes"):
// the same path as ours.mjs (loadModelDirectory → GenerationRunners → generate, onnx backend), with
// the peak reset before each stage (Linux: `5 > /proc/self/clear_refs` resets VmHWM), so each
// stage's own peak shows, plus the resident split into anonymous and file-backed pages.
//   node bench/inference-bench/rss-breakdown.mjs <model dir> [--prefill 512] [--batch 8] [--new-tokens 16] [--threads 2]
// --prefill N > 0: the bench's prefill process (a 512-token prompt twice); --prefill 0: its decode process (batch 1, then 8).
// ORT_EXTRA='{"session":{...}}' merges onnxruntime session config entries into every session, ORT_OPTIONS='{...}'
// other session options (experiments, e.g. '{"enableCpuMemArena":false}').
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as core from '@okapi/core';
import { OnnxBackend, onnxKernels } from '@okapi/backend-onnx';
import { promptIds } from './workload.mjs';

const [modelDir, ...rest] = process.argv.slice(2);
const option = (name, fallback) => { const i = rest.indexOf(`--${name}`); return i >= 0 ? Number(rest[i + 1]) : fallback; };
const MiB = 2 ** 20;

function status() {
  const text = readFileSync('/proc/self/status', 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM'), anon: kb('RssAnon'), file: kb('RssFile') };
}

const rows = [];
function stage(name) {
  const s = status();
  const heap = process.memoryUsage();
  rows.push({ stage: name, rss: s.rss, peak: s.peak, anon: s.anon, file: s.file, v8: heap.heapUsed, v8Total: heap.heapTotal, external: heap.external + heap.arrayBuffers });
  if (process.env.RSS_MAPS) console.log(name, topMappings());
  writeFileSync('/proc/self/clear_refs', '5');
}

/** The largest resident mappings (RSS_MAPS=1), to tell onnxruntime's memory-mapped weights from the rest. */
function topMappings() {
  const maps = [];
  let current;
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) maps.push(current = { name: head[1] || '[anon]', rss: 0 });
    else if (line.startsWith('Rss:')) current.rss = Number(line.split(/\s+/)[1]) * 1024;
  }
  return maps.filter((m) => m.rss > 8 * MiB).sort((a, b) => b.rss - a.rss).slice(0, 6).map((m) => `${m.name} ${(m.rss / MiB).toFixed(0)} MiB`).join('; ');
}

// the backend's onnxruntime module (same instance): session creation becomes a stage of its own
const ort = createRequire(createRequire(import.meta.url).resolve('@okapi/backend-onnx'))('onnxruntime-node');
const create = ort.InferenceSession.create.bind(ort.InferenceSession);
const extra = process.env.ORT_EXTRA === undefined ? undefined : JSON.parse(process.env.ORT_EXTRA);
const overrides = JSON.parse(process.env.ORT_OPTIONS ?? '{}');
ort.InferenceSession.create = async (model, options) => {
  stage('before session create (weights written, GC done)');
  if (process.env.EXTRA_GC) { (await import('node:vm')).runInNewContext('gc')(); stage('after an extra gc'); }
  const merged = { ...options, ...overrides, ...(extra === undefined ? {} : { extra: { ...options.extra, ...extra } }) };
  const session = await create(model, merged);
  stage('session created');
  return session;
};

const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
const backend = new OnnxBackend({ backend: { name: 'onnx', device: 'cpu', threads: option('threads', 2) }, onnx: {} }, logger, [...onnxKernels]);
await backend.init();
stage('node + onnxruntime loaded');
const model = await core.loadModelDirectory(modelDir, new core.FamilyRegistry([core.llamaFamily, core.bloomFamily]));
const weightBytes = [...model.weights.values()].reduce((n, t) => n + t.data.byteLength, 0);
stage('model loaded');
const runners = new core.GenerationRunners(backend, model, { releaseWeights: true });
const vocab = model.arch.config.vocabSize;
const run = (prompts, newTokens) => core.generate(runners.runnerFor(prompts[0].length + newTokens), prompts, { doSample: false, maxNewTokens: newTokens, eosIds: [], padId: 0 });
await run(promptIds(1, 4, vocab, 7), 1);
stage('first generate (compile + 4-token prompt)');
// the bench's phases: prefill (warm-up + timed) in one process, decode b1 then b8 (each warm-up + timed) in another
const prefill = option('prefill', 512);
if (prefill > 0) {
  for (const round of ['warm-up', 'timed']) {
    await run(promptIds(1, prefill, vocab, 1), 1);
    stage(`prefill ${prefill} tokens (${round})`);
  }
}
for (const batch of prefill > 0 ? [] : [1, option('batch', 8)]) {
  for (const newTokens of [3, option('new-tokens', 16)]) {
    await run(promptIds(batch, 32, vocab, 100 + batch), newTokens);
    stage(`decode batch ${batch}, ${newTokens} new tokens`);
  }
}
await runners.dispose();
await backend.dispose();

const gib = (b) => `${(b / MiB).toFixed(0)} MiB (${(b / weightBytes).toFixed(2)}×)`;
console.log(`weights ${(weightBytes / MiB).toFixed(0)} MiB; peak = highest RSS since the previous stage`);
for (const r of rows) {
  console.log(`${r.stage.padEnd(52)} peak ${gib(r.peak).padEnd(20)} rss ${gib(r.rss).padEnd(20)} anon ${(r.anon / MiB).toFixed(0)} file ${(r.file / MiB).toFixed(0)} | v8 heap ${(r.v8 / MiB).toFixed(0)}/${(r.v8Total / MiB).toFixed(0)} external ${(r.external / MiB).toFixed(0)} MiB`);
}
console.log(JSON.stringify({ weightBytes, maxPeak: Math.max(...rows.map((r) => r.peak)), rows }));
