import type { DeviceTensor, TensorBackend } from '../../backend/tensor-backend';
import { hostTensor } from '../../ir/host-tensor';
import { graphNames } from '../../models/graph/build-graphs';
import type { MicroBatch } from '../engine/step-runner';
import type { RankBatch } from './preference-batches';
import { rankingInputNames as names } from './ranking-loss-graph';

/** Graph input names of the response targets (sequence log-probs). */
export const responseInputNames = { targets: 'response_targets', mask: 'response_mask' } as const;

/**
 * Uploads a collated batch as graph feeds: token ids and mask always, then the pair inputs, the
 * list inputs and/or the response targets, as the graph that will run needs them.
 */
export function uploadRankBatch(backend: TensorBackend, b: RankBatch, parts: { pairs?: boolean; lists?: boolean; targets?: boolean }): MicroBatch {
  const int64 = (shape: number[], values: number[]) => backend.upload(hostTensor('int64', shape, BigInt64Array.from(values, BigInt)));
  const float = (shape: number[], values: number[]) => backend.upload(hostTensor('float32', shape, Float32Array.from(values)));
  const tokens = [b.batch, b.seq];
  const feeds: Record<string, DeviceTensor> = { [graphNames.inputIds]: int64(tokens, b.inputIds), [graphNames.attentionMask]: int64(tokens, b.attentionMask) };
  const dims: Record<string, number> = { batch: b.batch, seq: b.seq };
  if (parts.pairs) {
    const p = b.pairs.chosen.length;
    Object.assign(feeds, { [names.chosen]: int64([p], b.pairs.chosen), [names.rejected]: int64([p], b.pairs.rejected), [names.pairWeight]: float([p], b.pairs.weight) });
    dims.pairs = p;
  }
  if (parts.lists) {
    const { count, k } = b.lists;
    Object.assign(feeds, { [names.listIndex]: int64([count, k], b.lists.index), [names.listWeight]: float([count, k], b.lists.weight), [names.listBias]: float([count, k, k], b.lists.bias) });
    Object.assign(dims, { lists: count, k });
  }
  if (parts.targets) Object.assign(feeds, { [responseInputNames.targets]: int64(tokens, b.responseTargets), [responseInputNames.mask]: float(tokens, b.responseMask) });
  return { feeds, dims };
}

/** Disposes a micro-batch's feeds. */
export function disposeMicroBatch(batch: MicroBatch): void {
  for (const t of Object.values(batch.feeds)) t.dispose();
}
