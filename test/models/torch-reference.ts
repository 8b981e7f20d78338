// Runs the independent torch references in test/reference/ (needs Debian's python3-torch; not a dependency).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FamilyRegistry, ResidentWeights, bloomFamily, buildCausalLmGraph, hostTensor, llamaFamily, loadModelDirectory, type ModelArchitecture, type ModelWeights } from '@okapi/core';
import type { OnnxBackend } from '@okapi/backend-onnx';
import { saveTinyModel, tinyModel } from '../fixtures-models/tiny-models';
import { createOnnxTestBackend, type OnnxTestBackend } from './onnx-test-backend';

// OKAPI_PYTHON: any interpreter with torch (e.g. a venv); else Debian's python3-torch.
const python = process.env.OKAPI_PYTHON ?? '/usr/bin/python3';
export const torchAvailable = spawnSync(python, ['-c', 'import torch'], { timeout: 60_000 }).status === 0;

export interface TokenBatchJson {
  readonly input_ids: number[][];
  readonly attention_mask: number[][];
}

/** Runs one reference over several saved model directories in one python process; logits per directory. */
export function referenceLogits(script: 'bloom_reference.py' | 'llama_reference.py', dirs: readonly string[], batch: TokenBatchJson): number[][][][] {
  const input = join(dirs[0], 'input.json');
  writeFileSync(input, JSON.stringify(batch));
  const run = spawnSync(python, [join(__dirname, '../reference', script), input, ...dirs], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
  return dirs.map((dir) => JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8')).logits);
}

/** Largest |ours - reference| over the logits of real (non-pad) positions. */
export async function worstLogitError(backend: OnnxBackend, arch: ModelArchitecture, weights: ModelWeights, batch: TokenBatchJson, expected: number[][][]): Promise<number> {
  const resident = ResidentWeights.upload(backend, weights);
  const [b, s] = [batch.input_ids.length, batch.input_ids[0].length];
  const session = await backend.compile(buildCausalLmGraph(arch, { batch: b, seq: s }));
  const feeds = {
    input_ids: backend.upload(hostTensor('int64', [b, s], batch.input_ids.flat())),
    attention_mask: backend.upload(hostTensor('int64', [b, s], batch.attention_mask.flat())),
  };
  const out = await session.run({ ...resident.tensors, ...feeds });
  const logits = (await backend.download(out.logits)).data as Float32Array;
  const vocab = arch.config.vocabSize;
  let worst = 0;
  batch.attention_mask.forEach((row, i) => row.forEach((real, j) => {
    if (!real) return; // rows of pad queries are undefined in both
    for (let v = 0; v < vocab; v++) worst = Math.max(worst, Math.abs(logits[(i * s + j) * vocab + v] - expected[i][j][v]));
  }));
  [...Object.values(feeds), out.logits].forEach((x) => x.dispose());
  await session.dispose();
  resident.dispose();
  return worst;
}

export interface FamilyReferenceSuite {
  readonly family: 'bloom' | 'llama';
  readonly title: string;
  readonly script: 'bloom_reference.py' | 'llama_reference.py';
  readonly makeConfig: (overrides: Record<string, unknown>) => Record<string, unknown>;
  readonly seed: number;
  readonly batch: TokenBatchJson;
  readonly cases: readonly (readonly [label: string, overrides: Record<string, unknown>])[];
}

/**
 * One suite per family: each case's tiny model is saved as an HF directory, loaded back and compared
 * with the torch reference on a padded batch. Skipped (not failed) where python3-torch is missing.
 */
export function describeFamilyAgainstTorch(suite: FamilyReferenceSuite): void {
  if (!torchAvailable) {
    describe.skip(`${suite.title} (skipped: python3-torch is not installed; apt-get install python3-torch)`, () => it('needs torch', () => undefined));
    return;
  }
  describe(suite.title, () => {
    let t: OnnxTestBackend;
    let dirs: string[] = [];
    let expected: number[][][][] = [];
    const families = new FamilyRegistry([llamaFamily, bloomFamily]);
    beforeAll(async () => {
      t = await createOnnxTestBackend();
      dirs = await Promise.all(suite.cases.map(([, overrides]) => saveTinyModel(tinyModel(suite.makeConfig(overrides), suite.seed), `okapi-${suite.family}-`)));
      expected = referenceLogits(suite.script, dirs, suite.batch);
    }, 150_000);
    afterAll(async () => {
      await t.dispose();
      dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    });

    it.each(suite.cases.map(([label], i) => [label, i] as const))('matches logits to 1e-4 (%s), loaded back from a saved HF directory', async (_label, i) => {
      const { arch, weights } = await loadModelDirectory(dirs[i], families);
      expect(arch.family).toBe(suite.family);
      expect(await worstLogitError(t.backend, arch, weights, suite.batch, expected[i])).toBeLessThan(1e-4);
    }, 60_000);
  });
}
