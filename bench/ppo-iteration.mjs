// PPO iteration time split (issue 7): where one iteration's wall time goes — generation (KV-cache
// sampling), scoring (reward model), forward (policy/reference logprobs + values) and training (PPO
// epochs). Run after `npx tsc -b`:
//   node bench/ppo-iteration.mjs [--iterations 2] [--threads 2] [--smol] [--rollouts 16] [--new-tokens 32]
// Default model: a small LLaMA (hidden 256, 4 layers, vocab 4096); --smol uses SmolLM-135M's shape
// (hidden 576, 30 layers, 9 heads / 3 KV heads, vocab 49152). The first iteration includes compiling.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import * as core from '@okapi/core';
import { OnnxBackend, onnxKernels } from '@okapi/backend-onnx';

const args = process.argv.slice(2);
const flag = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : fallback; };
const threads = flag('threads', 2);
const iterations = flag('iterations', 2);
const rollouts = flag('rollouts', 16);
const newTokens = flag('new-tokens', 32);
const promptLength = flag('prompt-length', 32);

const smol = { hidden_size: 576, intermediate_size: 1536, num_hidden_layers: 30, num_attention_heads: 9, num_key_value_heads: 3, vocab_size: 49152 };
const small = { hidden_size: 256, intermediate_size: 688, num_hidden_layers: 4, num_attention_heads: 4, num_key_value_heads: 4, vocab_size: 4096 };
const hf = {
  model_type: 'llama', architectures: ['LlamaForCausalLM'], rms_norm_eps: 1e-5, rope_theta: 10000, max_position_embeddings: 2048,
  initializer_range: 0.02, bos_token_id: 1, eos_token_id: 2, tie_word_embeddings: true, ...(args.includes('--smol') ? smol : small),
};
const arch = core.llamaFamily.architecture(hf);
const weights = core.initParameters(arch.parameters(), 1);

const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
const backend = new OnnxBackend({ backend: { name: 'onnx', device: 'cpu', threads }, onnx: {} }, logger, [...onnxKernels]);
await backend.init();

const rng = core.Rng.fromSeed('bench/ppo');
const prompts = Array.from({ length: rollouts * iterations }, (_, i) => ({
  ids: [1, ...Array.from({ length: promptLength - 1 }, () => 3 + rng.int(hf.vocab_size - 3))], text: `prompt ${i}`,
}));
// a cheap stand-in reward: the run measures the PPO machinery, not a reward model
const reward = { id: 'bench', score: async (_p, responses) => responses.map((r) => (r.length % 7) / 7) };
const options = core.ppoOptionsSchema.parse({
  numRollouts: rollouts, chunkSize: Math.min(16, rollouts), batchSize: 4, miniBatchSize: flag('micro', 2), ppoEpochs: flag('epochs', 4), iterations,
  maxNewTokens: newTokens, trainableLayers: 5, evalEvery: 1e9, saveEvery: 1e9,
});
const job = {
  options, model: { family: core.llamaFamily, arch, weights }, reward, lang: 'en', seed: 0, eosIds: [], padId: 0,
  decode: async (rows) => rows.map((ids) => ids.join(' ')), train: prompts, validation: [],
};
console.log(`PPO iteration split: ${hf.num_hidden_layers} layers × hidden ${hf.hidden_size}, vocab ${hf.vocab_size}; ${rollouts} rollouts of ${promptLength} + ${newTokens} tokens; ${options.ppoEpochs} PPO epochs, batch ${options.batchSize} (micro ${options.miniBatchSize}); onnx cpu, ${threads} threads`);
const started = performance.now();
await new core.PpoTrainer(backend).run(job, {
  onStepEnd: ({ values: v }) => {
    const total = v.timeGeneration + v.timeScoring + v.timeForward + v.timeTraining;
    const pct = (x) => `${((100 * x) / total).toFixed(0)}%`;
    console.log(`iteration ${v.iteration}: ${total.toFixed(1)} s — generation ${v.timeGeneration.toFixed(1)} s (${pct(v.timeGeneration)}), scoring ${v.timeScoring.toFixed(2)} s (${pct(v.timeScoring)}), forward ${v.timeForward.toFixed(1)} s (${pct(v.timeForward)}), training ${v.timeTraining.toFixed(1)} s (${pct(v.timeTraining)}); ${(v.responseLength * rollouts / v.timeGeneration).toFixed(0)} generated tokens/s`);
  },
}, new AbortController().signal);
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
await backend.dispose();
