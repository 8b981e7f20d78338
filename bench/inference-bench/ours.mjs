// Child process of bench/inference-vs-transformersjs.mjs: Okapi.ts's own generation path on the onnx
// backend (CPU), as `okapi generate` runs it: loadModelDirectory → core.GenerationRunners (the factory
// ChatPipeline uses: on onnx one growing-past decoder session with the weights baked in, which then
// lets go of the loaded host weights) → core `generate` (greedy).
// One phase per process (spec.phase: prefill | decode), so peak RSS is that of one `okapi generate`.
// Prints one JSON line: load time, the phase's numbers, memory.
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

// ChatPipeline.runnerFor: GenerationRunners with releaseWeights (onnx: one growing-past decoder
// session with the weights baked in). spec.staticRunner: the static-KV-cache CausalLmRunner instead,
// one per power-of-two bucket (the onnx path before the growing-past runner; tfjs still uses it).
const runners = spec.staticRunner ? staticRunners() : new core.GenerationRunners(backend, model, { releaseWeights: true });

function staticRunners() {
  const byBucket = new Map();
  return {
    runnerFor(length) {
      const limit = model.arch.config.maxPositions ?? Infinity;
      const bucket = Math.min(limit, 2 ** Math.ceil(Math.log2(Math.max(64, length))));
      if (!byBucket.has(bucket)) byBucket.set(bucket, core.CausalLmRunner.create(backend, model.arch, model.weights, bucket));
      return byBucket.get(bucket);
    },
    async dispose() {
      for (const r of byBucket.values()) await r.dispose();
    },
  };
}

async function generate(prompts, newTokens, clock) {
  const runner = runners.runnerFor(prompts[0].length + newTokens);
  const last = prompts.length - 1;
  const result = await core.generate(runner, prompts, {
    doSample: false, maxNewTokens: newTokens, eosIds: [], padId: 0,
    onToken: (e) => { if (e.row === last) clock.mark(); },
  });
  return result.outputIds[0];
}

const results = await runWorkload(generate, { ...spec, vocabSize: model.arch.config.vocabSize }, log);
await runners.dispose();
await backend.dispose();
console.log(JSON.stringify({ engine: 'ours', loadSeconds, ...results, memory: { before, afterLoad, end: memory() } }));
