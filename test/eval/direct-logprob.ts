// Test-only truth for the scorers: one unpadded, batch-1 full forward pass per request (no cache, no padding).
import { buildCausalLmGraph, hostTensor, type LogLikelihoodRequest, type ModelArchitecture, type ResidentWeights, type TensorBackend } from '@okapi/core';

/** log-softmax(row)[token] in float64. */
function logSoftmaxAt(row: Float32Array, token: number): number {
  let max = -Infinity;
  for (const x of row) max = Math.max(max, x);
  let sum = 0;
  for (const x of row) sum += Math.exp(x - max);
  return row[token]! - max - Math.log(sum);
}

/** Sum of log-softmax(logits)[token] over the continuation, from a plain full forward of context + continuation. */
export async function directLogprob(backend: TensorBackend, arch: ModelArchitecture, weights: ResidentWeights, request: LogLikelihoodRequest): Promise<number> {
  const tokens = [...request.context, ...request.continuation];
  const seq = tokens.length - 1;
  const session = await backend.compile(buildCausalLmGraph(arch, { batch: 1, seq }));
  const ids = backend.upload(hostTensor('int64', [1, seq], tokens.slice(0, -1)));
  const mask = backend.upload(hostTensor('int64', [1, seq], new Array(seq).fill(1)));
  const out = await session.run({ ...weights.tensors, input_ids: ids, attention_mask: mask });
  const logits = (await backend.download(out.logits!)).data as Float32Array;
  [ids, mask, out.logits!].forEach((x) => x.dispose());
  await session.dispose();
  const vocab = arch.config.vocabSize;
  let total = 0;
  request.continuation.forEach((token, i) => {
    const at = request.context.length - 1 + i;
    total += logSoftmaxAt(logits.subarray(at * vocab, (at + 1) * vocab), token);
  });
  return total;
}
