// LoRA vs full fine-tuning (issue 7): SftTrainer on the onnx backend, same SmolLM-135M-shaped LLaMA
// (random weights), same data; each mode in its own child process (peak RSS per mode). Run after `npx tsc -b`:
//   node bench/train-sft-lora.mjs [--steps 3] [--threads 2] [--seq 256] [--batch 4] [--layers 30] [--rank 8]
// Tokens/s counts input tokens (batch × seq) per optimizer step.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { initParameters, llamaFamily, loraParameterSpecs, parametersWithHead, planLora, sftOptionsSchema, SftTrainer } from '@okapi/core';
import { OnnxBackend, onnxKernels } from '@okapi/backend-onnx';

const args = process.argv.slice(2);
const flag = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const steps = Number(flag('steps', 3));
const threads = Number(flag('threads', 2));
const seq = Number(flag('seq', 256));
const batch = Number(flag('batch', 4));
const rank = Number(flag('rank', 8));

/** HuggingFaceTB/SmolLM-135M's config.json (as published), layers overridable. */
const config = {
  architectures: ['LlamaForCausalLM'], attention_bias: false, bos_token_id: 0, eos_token_id: 0, hidden_act: 'silu',
  hidden_size: 576, initializer_range: 0.02, intermediate_size: 1536, max_position_embeddings: 2048, model_type: 'llama',
  num_attention_heads: 9, num_hidden_layers: Number(flag('layers', 30)), num_key_value_heads: 3, rms_norm_eps: 1e-5,
  rope_scaling: null, rope_theta: 10000, tie_word_embeddings: true, vocab_size: 49152,
};
const modes = {
  full: undefined,
  'lora q,v': { rank, alpha: 2 * rank },
  'lora all linears': { rank, alpha: 2 * rank, targetModules: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'] },
};

function randomExamples(count) {
  let s = 12345;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
  return Array.from({ length: count }, () => ({ inputIds: Array.from({ length: seq }, () => next() % config.vocab_size), promptLength: 1, truncated: false }));
}

async function runMode(name) {
  const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
  const backend = new OnnxBackend({ backend: { name: 'onnx', device: 'cpu', threads }, onnx: {} }, logger, [...onnxKernels]);
  await backend.init();
  const arch = llamaFamily.architecture(config);
  const weights = initParameters(parametersWithHead(arch, 'lm'), 0);
  const lora = modes[name];
  const options = sftOptionsSchema.parse({ maxSteps: 1000, microBatchSize: batch, maxLength: seq, warmupSteps: 0, evalEvery: 1000, saveEvery: 1000, lora });
  const trainable = lora === undefined ? [...weights.values()].reduce((n, t) => n + t.data.length, 0)
    : loraParameterSpecs(planLora(arch, options.lora)).reduce((n, s) => n + s.shape[0] * s.shape[1], 0);
  const job = { options, model: { family: llamaFamily, arch, weights }, padId: 0, seed: 0, train: randomExamples(batch * (steps + 1)), validation: [] };
  const controller = new AbortController();
  const ends = [];
  const started = performance.now();
  await new SftTrainer(backend).run(job, {
    onStepEnd: (m) => { ends.push(performance.now()); if (m.step === steps + 1) controller.abort(); }, // step 1 = compile
  }, controller.signal);
  await backend.dispose();
  const stepMs = ends.slice(1).map((t, i) => t - ends[i]).sort((a, b) => a - b);
  return { trainable, total: [...weights.values()].reduce((n, t) => n + t.data.length, 0), firstStepMs: ends[0] - started, medianMs: stepMs[Math.floor(stepMs.length / 2)], peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

const mode = flag('mode', undefined);
if (mode !== undefined) {
  console.log(JSON.stringify(await runMode(mode)));
} else {
  const rows = [];
  for (const name of Object.keys(modes)) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args, '--mode', name], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop());
    rows.push({ mode: name, trainable: r.trainable, 'trainable %': (100 * r.trainable / r.total).toFixed(2), 'step (median)': `${(r.medianMs / 1000).toFixed(2)} s`,
      'tokens/s': (batch * seq / (r.medianMs / 1000)).toFixed(1), 'first step': `${(r.firstStepMs / 1000).toFixed(1)} s`, 'peak RSS': `${r.peakRssMiB.toFixed(0)} MiB` });
  }
  const full = Number(rows[0]['tokens/s']);
  for (const row of rows) row['vs full'] = `${(Number(row['tokens/s']) / full).toFixed(2)}×`;
  console.log(`SmolLM-135M-shaped LLaMA, ${config.num_hidden_layers} layers; seq ${seq}, micro-batch ${batch}; rank ${rank}; ${steps} timed steps; ${threads} threads`);
  console.table(rows);
}
