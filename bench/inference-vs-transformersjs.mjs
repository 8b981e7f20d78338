// Inference vs transformers.js (issue 4, "Numbers to reach"). On random-weight models in the shapes
// of SmolLM-135M and bloom-560m, in one run on CPU:
//   - Okapi.ts's generation path on the onnx backend (loadModelDirectory → CausalLmRunner → generate):
//     prefill tokens/s of a 512-token prompt, decode tokens/s at batch 1 and 8 (greedy, fixed count);
//   - transformers.js running `okapi export --format onnx` of the same weights: the same three numbers;
//   - decode as a fraction of the memory-bandwidth bound (weight bytes read per step vs bandwidth
//     measured in this run), peak RSS per engine (each phase in its own child process) vs weight bytes,
//     and the load time of bf16 / f16 safetensors checkpoints written by our checkpoint writer.
// Run after `npx tsc -b` (transformers.js installs itself into bench/transformersjs on first use):
//   node bench/inference-vs-transformersjs.mjs [--smoke] [--models SmolLM-135M,bloom-560m] [--rounds 2] [--reps 1]
//     [--new-tokens 16] [--prefill 512] [--decode-prompt 32] [--threads 2] [--work DIR] [--no-tjs] [--json FILE]
//     [--static-runner]  (adds a row: the static-KV-cache CausalLmRunner, our onnx path before the growing-past runner)
//     [--num-logits-to-keep]  (export with that input, so transformers.js prefills without the LM head over the prompt)
// --rounds: child processes per engine and phase, engines interleaved; --reps: timed runs in each child
// (after an untimed warm-up). Each number is the fastest of rounds × reps.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand, runNodeChild } from './inference-bench/child-process.mjs';
import { runInterleaved } from './inference-bench/interleave.mjs';
import { fullShapes, smokeShapes } from './inference-bench/shapes.mjs';
import { ensureTransformersJs, transformersJsDir } from './inference-bench/setup-transformersjs.mjs';
import { loadHead, loadRow, mainHead, markdownTable, modelRows, printTable } from './inference-bench/report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const smoke = args.includes('--smoke');
const shapes = smoke ? smokeShapes : fullShapes;
const names = option('models', Object.keys(shapes).join(',')).split(',');
const spec = {
  threads: Number(option('threads', 2)), reps: Number(option('reps', 1)), rounds: Number(option('rounds', smoke ? 1 : 2)), newTokens: Number(option('new-tokens', smoke ? 8 : 16)),
  prefillLength: Number(option('prefill', smoke ? 64 : 512)), decodePrompt: Number(option('decode-prompt', smoke ? 8 : 32)), batches: [1, 8],
};
const workDir = path.resolve(option('work', path.join(os.tmpdir(), 'okapi-bench-inference')));
const withTjs = !args.includes('--no-tjs');
const script = (p) => path.join(here, p);
const say = (line) => process.stderr.write(`${line}\n`);

const gitHead = (() => { try { return execFileSync('git', ['log', '-1', '--format=%h %cd', '--date=format:%H:%M'], { cwd: root, encoding: 'utf8' }).trim(); } catch { return 'unknown'; } })();
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; commit ${gitHead}`;
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const startUptime = uptime();
say(`inference vs transformers.js — ${machine}\n${startUptime}\nspec ${JSON.stringify(spec)}; work dir ${workDir}`);

const bandwidth = await runNodeChild(script('inference-bench/bandwidth.mjs'), [String(spec.threads)]);
say(`memory bandwidth: read ${(bandwidth.read1 / 1e9).toFixed(1)} GB/s (1 thread), ${(bandwidth.readN / 1e9).toFixed(1)} GB/s (${spec.threads} threads), copy ${(bandwidth.copy1 / 1e9).toFixed(1)} GB/s; bound uses ${(bandwidth.bound / 1e9).toFixed(1)} GB/s`);
if (withTjs) await ensureTransformersJs();

/** `okapi export --format onnx` into a fresh folder; returns it when it has the transformers.js layout. */
async function exportOnnx(modelDir, out) {
  for (const stale of [out, `${out}.data`]) rmSync(stale, { recursive: true, force: true });
  try {
    const extra = args.includes('--num-logits-to-keep') ? ['--num-logits-to-keep'] : [];
    await runCommand(process.execPath, [path.join(root, 'packages/cli/bin/okapi.js'), 'export', '--model', modelDir, '--format', 'onnx', '--output', out, ...extra]);
  } catch (error) {
    return { missing: `okapi export failed: ${error.message}` };
  }
  const layout = ['config.json', 'onnx/model.onnx'].filter((f) => !existsSync(path.join(out, f)));
  return layout.length === 0 ? { dir: out } : { missing: `okapi export wrote no transformers.js layout (missing ${layout.join(', ')} in ${out})` };
}

/** How many of the first tokens two greedy runs share (same weights, both float32: expect all or nearly). */
function agreement(a, b) {
  let n = 0;
  while (n < Math.min(a.length, b.length) && a[n] === b[n]) n++;
  return `${n}/${Math.max(a.length, b.length)}`;
}

const results = {};
for (const name of names) {
  const hf = shapes[name];
  if (hf === undefined) throw new Error(`unknown model '${name}'; known: ${Object.keys(shapes).join(', ')}`);
  say(`\n== ${name}`);
  const dir = path.join(workDir, name);
  mkdirSync(dir, { recursive: true });
  const model = await runNodeChild(script('inference-bench/prepare-model.mjs'), [dir, JSON.stringify(hf)]);
  model.weightBytesPerStep = model.weightBytes; // tied head: the embedding matrix is read once per step as the LM head
  const loads = {};
  for (const dtype of ['f32', 'bf16', 'f16']) loads[dtype] = await runNodeChild(script('inference-bench/load-checkpoint.mjs'), [path.join(dir, dtype)]);
  say(`  load: ${Object.entries(loads).map(([d, l]) => `${d} ${l.seconds.toFixed(2)} s`).join(', ')}`);
  const exported = withTjs ? await exportOnnx(path.join(dir, 'f32'), path.join(dir, 'onnx-export')) : { missing: 'run with --no-tjs' };
  const engines = [{ key: 'ours', script: script('inference-bench/ours.mjs'), spec: { ...spec, modelDir: path.join(dir, 'f32') } }];
  if (exported.dir !== undefined) engines.push({ key: 'tjs', script: path.join(transformersJsDir, 'run-transformersjs.mjs'), spec: { ...spec, onnxDir: exported.dir } });
  else say(`  transformers.js skipped: ${exported.missing}`);
  if (args.includes('--static-runner')) engines.push({ key: 'static', script: script('inference-bench/ours.mjs'), spec: { ...spec, modelDir: path.join(dir, 'f32'), staticRunner: true } });
  const { ours, tjs, static: staticRunner } = await runInterleaved(engines, spec.rounds, say);
  const agree = tjs === undefined ? undefined : {
    prefill: agreement(ours.prefill.ids, tjs.prefill.ids), b1: agreement(ours.decode[1].ids, tjs.decode[1].ids), b8: agreement(ours.decode[8].ids, tjs.decode[8].ids),
  };
  if (agree !== undefined) say(`  greedy tokens agree (ours vs transformers.js, row 0): prefill ${agree.prefill}, b1 ${agree.b1}, b8 ${agree.b8}`);
  results[name] = { hf, model, loads, ours, tjs, staticRunner, missing: exported.missing, agree };
}

const endUptime = uptime();
const mainRows = names.flatMap((n) => modelRows(n, results[n].model,
  [['Okapi.ts onnx', results[n].ours], ['transformers.js', results[n].tjs], ['Okapi.ts, static-cache runner', results[n].staticRunner]], bandwidth.bound));
const loadRows = names.map((n) => loadRow(n, results[n].model, results[n].loads));
console.log(`\n${machine}\nstart: ${startUptime}\nend:   ${endUptime}`);
console.log(`memory-bandwidth bound: ${(bandwidth.bound / 1e9).toFixed(1)} GB/s (max of memcmp read 1 thread ${(bandwidth.read1 / 1e9).toFixed(1)}, ${spec.threads} threads ${(bandwidth.readN / 1e9).toFixed(1)}, memcpy ${(bandwidth.copy1 / 1e9).toFixed(1)} GB/s)`);
printTable(mainHead, mainRows);
printTable(loadHead, loadRows);
for (const n of names) {
  if (results[n].missing) console.log(`${n}: transformers.js not run — ${results[n].missing}`);
  if (results[n].agree) console.log(`${n}: greedy tokens agree (row 0): prefill ${results[n].agree.prefill}, decode b1 ${results[n].agree.b1}, b8 ${results[n].agree.b8}`);
}
console.log(`\nMarkdown:\n\n${markdownTable(mainHead, mainRows)}\n\n${markdownTable(loadHead, loadRows)}`);
const jsonOut = option('json');
if (jsonOut !== undefined) writeFileSync(jsonOut, JSON.stringify({ machine, startUptime, endUptime, spec, bandwidth, results }, null, 2));
