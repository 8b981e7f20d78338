// LoRA adapters as Okapi.ts saves them, checked against PEFT's semantics written out in torch
// (test/reference/peft_lora_reference.py): the PEFT-layout directory, loaded with transformers and the
// adapters hooked onto the modules their keys name, gives the logits of Okapi.ts's adapted graph, and the
// merged directory loads in transformers as a plain model with the same logits. Needs torch +
// transformers (OKAPI_PYTHON, or the repo-local .venv-hf); skipped with the reason otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  attachLoraAdapters, bloomFamily, buildCausalLmGraph, createGraph, declareWeights, FamilyRegistry, graphNames, hostTensor, llamaFamily, lmHead,
  loadModelDirectory, loraParameterSpecs, planLora, ReferenceBackend, saveLoraModelDirectory, seededRandom, traceTrunk, uniformValues,
  type Graph, type LoraPlan, type ModelWeights,
} from '@okapi/core';
import { tinyBloomConfig, tinyLlamaConfig, tinyModel, type TinyModel } from '../fixtures-models/tiny-models';

const repoRoot = path.resolve(__dirname, '..', '..');

function findPython(): { python?: string; reason: string } {
  for (const python of [process.env.OKAPI_PYTHON, path.join(repoRoot, '.venv-hf', 'bin', 'python')]) {
    if (python === undefined || (python.includes('/') && !existsSync(python))) continue;
    if (spawnSync(python, ['-c', 'import torch, transformers, safetensors'], { timeout: 120_000 }).status === 0) return { python, reason: '' };
  }
  return { reason: 'no Python with torch + transformers + safetensors (set OKAPI_PYTHON or run scripts/setup-hf-reference.sh)' };
}

const found = findPython();
const describePython = found.python !== undefined ? describe : (name: string, fn: () => void) => describe.skip(`${name} (skipped: ${found.reason})`, fn);
const inputIds = [3, 9, 14, 5, 22, 7, 11];

async function okapiAdaptedLogits(model: TinyModel, plan: LoraPlan, weights: ModelWeights): Promise<number[]> {
  const g = createGraph('adapted');
  const w = declareWeights(g, model.arch.parameters());
  attachLoraAdapters(g, w, plan);
  const ids = g.input(graphNames.inputIds, 'int64', [1, inputIds.length]);
  const mask = g.input(graphNames.attentionMask, 'int64', [1, inputIds.length]);
  g.output(graphNames.logits, lmHead(model.arch, w, traceTrunk(g, model.arch, w, { inputIds: ids, attentionMask: mask }).hidden));
  return logitsOf(g, weights);
}

async function logitsOf(g: Graph, weights: ModelWeights): Promise<number[]> {
  const backend = new ReferenceBackend();
  const feeds = Object.fromEntries([...weights].map(([n, t]) => [n, backend.upload(t)]));
  feeds[graphNames.inputIds] = backend.upload(hostTensor('int64', [1, inputIds.length], inputIds));
  feeds[graphNames.attentionMask] = backend.upload(hostTensor('int64', [1, inputIds.length], inputIds.map(() => 1)));
  const out = await (await backend.compile(g)).run(feeds);
  return Array.from((await backend.download(out[graphNames.logits]!)).data, Number);
}

describePython('LoRA adapters vs PEFT semantics in torch', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'okapi-lora-peft-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['llama', tinyModel(tinyLlamaConfig(), 2), ['q_proj', 'v_proj', 'down_proj']],
    ['bloom', tinyModel(tinyBloomConfig(), 2), ['query_key_value', 'dense_4h_to_h']],
  ] as const)('%s: PEFT layout + torch hooks and the merged directory both give Okapi.ts’s adapted logits', async (name, model, targets) => {
    const plan = planLora(model.arch, { rank: 3, alpha: 6, dropout: 0, mergeOnSave: false, targetModules: [...targets] });
    const random = seededRandom(11);
    const adapters: ModelWeights = new Map(loraParameterSpecs(plan).map((s) => [s.name, hostTensor('float32', [...s.shape], uniformValues(random, s.shape[0]! * s.shape[1]!, -0.3, 0.3))]));
    const [unmerged, merged] = [path.join(dir, `${name}-unmerged`), path.join(dir, `${name}-merged`)];
    await saveLoraModelDirectory(unmerged, model.arch, model.weights, adapters, plan, 'tiny-base');
    await saveLoraModelDirectory(merged, model.arch, model.weights, adapters, { ...plan, mergeOnSave: true });
    const job = path.join(dir, `${name}-job.json`);
    const result = path.join(dir, `${name}-result.json`);
    writeFileSync(job, JSON.stringify({ unmerged, merged, input_ids: [inputIds] }));
    const run = spawnSync(found.python!, [path.join(repoRoot, 'test', 'reference', 'peft_lora_reference.py'), job, result], {
      encoding: 'utf8', timeout: 300_000, env: { ...process.env, TRANSFORMERS_OFFLINE: '1', HF_HUB_OFFLINE: '1' },
    });
    expect(run.stderr.slice(-2000)).not.toMatch(/Traceback/);
    const torch = JSON.parse(readFileSync(result, 'utf8')) as { modules: string[]; adapted: number[]; merged: number[] };
    expect(torch.modules).toEqual(plan.targets.map((t) => t.module).sort());
    const ours = await okapiAdaptedLogits(model, plan, new Map([...model.weights, ...adapters]));
    const worst = (a: readonly number[]) => Math.max(...a.map((v, i) => Math.abs(v - ours[i]!)));
    expect(torch.adapted).toHaveLength(ours.length);
    expect(worst(torch.adapted)).toBeLessThan(1e-4);
    expect(worst(torch.merged)).toBeLessThan(1e-4);
    // Okapi.ts's loader merges the PEFT-layout directory's adapter at load: torch's hooked logits again
    const loaded = await loadModelDirectory(unmerged, new FamilyRegistry([llamaFamily, bloomFamily]));
    const mergedAtLoad = await logitsOf(buildCausalLmGraph(loaded.arch, { batch: 1, seq: inputIds.length }), loaded.weights);
    expect(Math.max(...mergedAtLoad.map((v, i) => Math.abs(v - torch.adapted[i]!)))).toBeLessThan(1e-4);
  }, 300_000);
});
