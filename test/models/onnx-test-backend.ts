// Shared setup of the model tests: one ONNX backend per test file, and a full-forward helper.
import { ResidentWeights, buildCausalLmGraph, hostTensor, type ModelArchitecture, type ModelWeights } from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import onnxPlugin, { OnnxBackend } from '@okapi/backend-onnx';

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
