import { buildCausalLmGraph } from '../models/graph/build-graphs';
import type { ModelArchitecture } from '../models/model-architecture';
import type { ModelWeights } from '../models/parameter-init';
import { hostTensor } from '../ir/host-tensor';
import { ReferenceBackend } from '../ir/interpret/reference-backend';

/**
 * Independent truth for runtime and export tests: the causal LM's logits [batch, seq, vocab] by one
 * full forward on the float64 reference interpreter (no KV cache), for padded ids and their mask.
 */
export async function referenceCausalLmLogits(arch: ModelArchitecture, weights: ModelWeights, ids: number[][], mask: number[][]): Promise<Float64Array> {
  const reference = new ReferenceBackend();
  await reference.init();
  const [batch, seq] = [ids.length, ids[0]?.length ?? 0];
  const compiled = await reference.compile(buildCausalLmGraph(arch, { batch: 'batch', seq: 'seq' }), { dims: { batch, seq } });
  const feeds = Object.fromEntries([...weights].map(([name, tensor]) => [name, reference.upload(tensor)]));
  const out = await reference.download((await compiled.run({
    ...feeds,
    input_ids: reference.upload(hostTensor('int64', [batch, seq], ids.flat().map(BigInt))),
    attention_mask: reference.upload(hostTensor('int64', [batch, seq], mask.flat().map(BigInt))),
  })).logits);
  await reference.dispose();
  return Float64Array.from(out.data as Float32Array | Float64Array, Number);
}
