// SFT throughput benchmark (issue 7): core's SftTrainer on the onnx backend vs PyTorch eager
// (bench/pytorch/sft_llama.py) on a SmolLM-135M-shaped LLaMA with random weights, measured in the
// same run. Run after `npx tsc -b`:
//   node bench/train-sft.mjs [--steps 3] [--threads 2] [--seq 256] [--batch 4] [--layers 30] [--vocab 49152] [--no-torch]
// Tokens/s counts input tokens (batch × seq) per optimizer step, on both sides.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { URL, fileURLToPath } from 'node:url';
import { initParameters, llamaFamily, parametersWithHead, sftOptionsSchema, SftTrainer } from '@okapi/core';
import { OnnxBackend, onnxKernels } from '@okapi/backend-onnx';

const args = process.argv.slice(2);
const flag = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : fallback; };
const steps = flag('steps', 3);
const threads = flag('threads', 2);
const seq = flag('seq', 256);
const batch = flag('batch', 4);

/** HuggingFaceTB/SmolLM-135M's config.json (as published); layers/vocab overridable for quick runs. */
const smolLm135m = {
  architectures: ['LlamaForCausalLM'], attention_bias: false, bos_token_id: 0, eos_token_id: 0, hidden_act: 'silu',
  hidden_size: 576, initializer_range: 0.02, intermediate_size: 1536, max_position_embeddings: 2048, model_type: 'llama',
  num_attention_heads: 9, num_hidden_layers: flag('layers', 30), num_key_value_heads: 3, rms_norm_eps: 1e-5,
  rope_scaling: null, rope_theta: 10000, tie_word_embeddings: true, vocab_size: flag('vocab', 49152),
};

/** Seeded random token ids: `count` examples of exactly `seq` tokens (no padding, loss on all). */
function randomExamples(count, vocab) {
  let s = 12345;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
  return Array.from({ length: count }, () => ({
    inputIds: Array.from({ length: seq }, () => next() % vocab), promptLength: 1, truncated: false,
  }));
}

async function runOnnx() {
  const logger = { debug() {}, info() {}, warn: console.warn, error: console.error };
  const backend = new OnnxBackend({ backend: { name: 'onnx', device: 'cpu', threads }, onnx: {} }, logger, [...onnxKernels]);
  await backend.init();
  const arch = llamaFamily.architecture(smolLm135m);
  const weights = initParameters(parametersWithHead(arch, 'lm'), 0);
  const params = [...weights.values()].reduce((n, t) => n + t.data.length, 0);
  const job = {
    options: sftOptionsSchema.parse({
      maxSteps: 1000, microBatchSize: batch, maxLength: seq, warmupSteps: 0, evalEvery: 1000, saveEvery: 1000,
    }),
    model: { family: llamaFamily, arch, weights }, padId: 0, seed: 0,
    train: randomExamples(batch * (steps + 1), smolLm135m.vocab_size), validation: [],
  };
  const controller = new AbortController();
  const ends = [];
  const losses = [];
  const started = performance.now();
  await new SftTrainer(backend).run(job, {
    onStepEnd: (m) => {
      ends.push(performance.now());
      losses.push(m.values.loss);
      if (m.step === steps + 1) controller.abort(); // step 1 = trace + lower + session creation
    },
  }, controller.signal);
  await backend.dispose();
  const stepMs = ends.slice(1).map((t, i) => t - ends[i]);
  return { params, firstStepMs: ends[0] - started, stepMs, losses, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

function runTorch() {
  const env = { ...process.env }; // the host's OpenBLAS tuning would skew the baseline: unset for this command only
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const script = fileURLToPath(new URL('./pytorch/sft_llama.py', import.meta.url));
  const argv = [script, '--layers', smolLm135m.num_hidden_layers, '--vocab', smolLm135m.vocab_size, '--seq', seq,
    '--batch', batch, '--threads', threads, '--steps', steps].map(String);
  const run = spawnSync(process.env.OKAPI_BENCH_PYTHON ?? '/usr/bin/python3', argv, { env, encoding: 'utf8', timeout: 60 * 60_000 });
  if (run.status !== 0) return { error: (run.stderr || run.error?.message || 'failed').trim().split('\n').pop() };
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tokensPerStep = batch * seq;
const onnx = await runOnnx();
const torch = args.includes('--no-torch') ? { error: '--no-torch' } : runTorch();
const onnxMs = median(onnx.stepMs);
const rows = [{
  what: 'SFT step, SftTrainer on onnx backend (CPU)', threads, 'step (median)': `${(onnxMs / 1000).toFixed(2)} s`,
  'tokens/s': (tokensPerStep / (onnxMs / 1000)).toFixed(1), 'first step': `${(onnx.firstStepMs / 1000).toFixed(1)} s`,
  'peak RSS': `${onnx.peakRssMiB.toFixed(0)} MiB`, 'vs torch': '',
}];
if (!torch.error) {
  const torchMs = median(torch.stepMs);
  const quotable = torch.matmulGflops >= 50 ? '' : ` [NOT quotable: ${torch.matmulGflops.toFixed(1)} GFLOP/s < 50 on 1024³]`;
  rows.push({
    what: `SFT step, PyTorch ${torch.torch} eager (${torch.blas})${quotable}`, threads, 'step (median)': `${(torchMs / 1000).toFixed(2)} s`,
    'tokens/s': (tokensPerStep / (torchMs / 1000)).toFixed(1), 'first step': `${(torch.firstStepMs / 1000).toFixed(1)} s`,
    'peak RSS': `${torch.peakRssMiB.toFixed(0)} MiB`, 'vs torch': '1.00×',
  });
  rows[0]['vs torch'] = `${(torchMs / onnxMs).toFixed(2)}×`;
}
console.log(`SmolLM-135M-shaped LLaMA: ${smolLm135m.num_hidden_layers} layers, vocab ${smolLm135m.vocab_size}, `
  + `${(onnx.params / 1e6).toFixed(1)}M params; seq ${seq}, micro-batch ${batch} (${tokensPerStep} tokens/step); ${steps} timed steps`);
console.table(rows);
console.log(`onnx step times: ${onnx.stepMs.map((t) => (t / 1000).toFixed(2)).join(', ')} s; losses ${onnx.losses.map((l) => l.toFixed(3)).join(' → ')}`);
console.log(`weights + AdamW moments need ${(onnx.params * 12 / 2 ** 20).toFixed(0)} MiB (float32)`);
if (torch.error) console.log(`PyTorch baseline skipped: ${torch.error}`);
else console.log(`torch step times: ${torch.stepMs.map((t) => (t / 1000).toFixed(2)).join(', ')} s; losses ${torch.losses.map((l) => l.toFixed(3)).join(' → ')}; `
  + `torch 1024³ matmul in this run: ${torch.matmulGflops.toFixed(1)} GFLOP/s`);
