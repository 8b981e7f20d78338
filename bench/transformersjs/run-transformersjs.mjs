// Child process of bench/inference-vs-transformersjs.mjs: transformers.js (its own onnxruntime-node,
// CPU) running the folder `okapi export --format onnx` wrote (config.json + onnx/model.onnx), through
// AutoModelForCausalLM.generate — greedy, exactly `newTokens` new tokens (min_new_tokens = max).
// One phase per process, like the Okapi child. Prints one JSON line.
//   node bench/transformersjs/run-transformersjs.mjs '<spec json>'
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AutoModelForCausalLM, env, Tensor } from '@huggingface/transformers';
import { memory, runWorkload } from '../inference-bench/workload.mjs';

const spec = JSON.parse(process.argv[2]);
const log = (line) => process.stderr.write(`  [transformers.js] ${line}\n`);
const before = memory();

env.allowRemoteModels = false; // offline: local folder only
env.localModelPath = path.dirname(path.resolve(spec.onnxDir));
const loadStart = performance.now();
const model = await AutoModelForCausalLM.from_pretrained(path.basename(spec.onnxDir), {
  dtype: 'fp32',
  device: 'cpu',
  session_options: { intraOpNumThreads: spec.threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' },
});
const loadSeconds = (performance.now() - loadStart) / 1000;
const afterLoad = memory();
log(`loaded ${spec.onnxDir} in ${loadSeconds.toFixed(2)} s`);

/** transformers.js calls put() with the prompt first, then once per step with that step's tokens. */
class ClockStreamer {
  constructor(clock) {
    this.clock = clock;
    this.prompt = true;
  }

  put() {
    if (this.prompt) this.prompt = false;
    else this.clock.mark();
  }

  end() {}
}

async function generate(prompts, newTokens, clock) {
  const [batch, length] = [prompts.length, prompts[0].length];
  const ids = new Tensor('int64', BigInt64Array.from(prompts.flat(), BigInt), [batch, length]);
  const mask = new Tensor('int64', new BigInt64Array(batch * length).fill(1n), [batch, length]);
  const out = await model.generate({
    input_ids: ids, attention_mask: mask, max_new_tokens: newTokens, min_new_tokens: newTokens,
    do_sample: false, repetition_penalty: 1, streamer: new ClockStreamer(clock),
  });
  return out.tolist()[0].slice(length).map(Number);
}

const results = await runWorkload(generate, { ...spec, vocabSize: model.config.vocab_size }, log);
await model.dispose();
console.log(JSON.stringify({ engine: 'transformers.js', loadSeconds, ...results, memory: { before, afterLoad, end: memory() } }));
