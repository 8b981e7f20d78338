// Shared setup of the model tests: one ONNX backend per test file, and a full-forward helper.
import { ResidentWeights, buildCausalLmGraph, hostTensor, type ModelArchitecture, type ModelWeights } from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import onnxPlugin, { OnnxBackend } from '@okapi/backend-onnx';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface OnnxTestBackend {
  readonly backend: OnnxBackend;
  dispose(): Promise<void>;
}

export async function createOnnxTestBackend(): Promise<OnnxTestBackend> {
  const t: TestScope = createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx', threads: 1 } } });
  const backend = t.scope.resolve(OnnxBackend);
  await backend.init();
  return { backend, dispose: async () => { await backend.dispose(); await t.dispose(); } };
}

/**
 * Per test: a fresh one-thread ONNX backend (bit-for-bit reproducible runs, so resumes compare to 1e-6)
 * and an empty temp directory, both disposed afterwards. Read `backend` / `dir` inside tests only.
 */
export function useBackendAndTempDir(prefix: string): { readonly backend: OnnxBackend; readonly dir: string } {
  let onnx: OnnxTestBackend | undefined;
  let dir = '';
  beforeEach(async () => {
    onnx = await createOnnxTestBackend();
    dir = mkdtempSync(path.join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await onnx?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get backend() {
      if (onnx === undefined) throw new Error('useBackendAndTempDir: backend is only available inside a test');
      return onnx.backend;
    },
    get dir() { return dir; },
  };
}

/** Logits [seq][vocab] of one unpadded sequence by a full forward (no cache). */
export async function fullForwardLogits(backend: OnnxBackend, arch: ModelArchitecture, weights: ModelWeights, ids: readonly number[]): Promise<Float32Array[]> {
  const resident = ResidentWeights.upload(backend, weights);
  const session = await backend.compile(buildCausalLmGraph(arch, { batch: 1, seq: ids.length }));
  const feeds = {
    input_ids: backend.upload(hostTensor('int64', [1, ids.length], ids)),
    attention_mask: backend.upload(hostTensor('int64', [1, ids.length], ids.map(() => 1))),
  };
  const out = await session.run({ ...resident.tensors, ...feeds });
  const data = (await backend.download(out.logits)).data as Float32Array;
  const vocab = arch.config.vocabSize;
  [...Object.values(feeds), out.logits].forEach((x) => x.dispose());
  await session.dispose();
  resident.dispose();
  return ids.map((_, i) => data.slice(i * vocab, (i + 1) * vocab));
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return a.length === b.length ? worst : Infinity;
}
