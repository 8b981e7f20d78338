// Child process of bench/inference-vs-transformersjs.mjs: Okapi.ts's own generation path on the onnx
// backend (CPU), as `okapi generate` runs it: loadModelDirectory → CausalLmRunner (static KV cache,
// one runner per power-of-two length bucket, as ChatPipeline keeps them) → core `generate` (greedy).
// One phase per process (spec.phase: prefill | decode), so peak RSS is that of one `okapi generate`
// (one runner: the loaded weights plus the runner's uploaded copy). Prints one JSON line: load
// time, the phase's numbers, memory.
//   node bench/inference-bench/ours.mjs '<spec json>'
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import * as core from '@okapi/core';
import { OnnxBackend, onnxKernels } from '@okapi/backend-onnx';
import { memory, runWorkload } from './workload.mjs';

const spec = JSON.parse(process.argv[2]);
const log = (line) => process.stderr.write(`  [ours] ${line}\n`);
const before = memory();

const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
const backend = new OnnxBackend({ backend: { name: 'onnx', device: 'cpu', threads: spec.threads }, onnx: {} }, logger, [...onnxKernels]);
await backend.init();

const loadStart = performance.now();
const model = await core.loadModelDirectory(spec.modelDir, new core.FamilyRegistry([core.llamaFamily, core.bloomFamily]));
const loadSeconds = (performance.now() - loadStart) / 1000;
const afterLoad = memory();
log(`loaded ${spec.modelDir} in ${loadSeconds.toFixed(2)} s`);

// ChatPipeline.runnerFor: a runner per power-of-two bucket of prompt + new tokens (at least 64)
const runners = new Map();
function runnerFor(length) {
  const limit = model.arch.config.maxPositions ?? Infinity;
  const bucket = Math.min(limit, 2 ** Math.ceil(Math.log2(Math.max(64, length))));
  if (!runners.has(bucket)) runners.set(bucket, spec.bakeWeights ? bakedRunner(bucket) : core.CausalLmRunner.create(backend, model.arch, model.weights, bucket));
  return runners.get(bucket);
}

/**
 * Experiment (--baked), not what `okapi generate` does: the runner's sessions compiled with the
 * weights as constants (onnxruntime then pre-packs matmul weights), to see what that is worth.
 */
function bakedRunner(bucket) {
  const resident = core.ResidentWeights.upload(backend, model.weights);
  const baking = {
    compile: (graph, options) => backend.compile(graph, { ...options, constants: resident.tensors }),
    upload: (t) => backend.upload(t),
    download: (t) => backend.download(t),
  };
  return new core.CausalLmRunner(baking, model.arch, resident, bucket, true);
}

async function generate(prompts, newTokens, clock) {
  const runner = runnerFor(prompts[0].length + newTokens);
  const last = prompts.length - 1;
  const result = await core.generate(runner, prompts, {
    doSample: false, maxNewTokens: newTokens, eosIds: [], padId: 0,
    onToken: (e) => { if (e.row === last) clock.mark(); },
  });
  return result.outputIds[0];
}

const results = await runWorkload(generate, { ...spec, vocabSize: model.arch.config.vocabSize }, log);
for (const r of runners.values()) await r.dispose();
await backend.dispose();
console.log(JSON.stringify({ engine: 'ours', loadSeconds, ...results, memory: { before, afterLoad, end: memory() } }));
