// Runs the independent torch references in test/reference/ (needs Debian's python3-torch; not a dependency).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResidentWeights, buildCausalLmGraph, hostTensor, type ModelArchitecture, type ModelWeights } from '@okapi/core';
import type { OnnxBackend } from '@okapi/backend-onnx';

const python = '/usr/bin/python3';
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
