import type { TensorBackend } from '../../backend/tensor-backend';
import { hostTensor } from '../../ir/host-tensor';
import { graphNames } from '../../models/graph/build-graphs';
import type { MicroBatch } from '../engine/step-runner';
import { LABELS } from './causal-lm-loss';
import type { LmBatch } from './sft-batches';

/** Uploads a causal-LM batch as the int64 feeds of the training and evaluation graphs. */
export function uploadLmBatch(backend: TensorBackend, b: LmBatch): MicroBatch {
  const int64 = (values: number[]) => backend.upload(hostTensor('int64', [b.batch, b.seq], BigInt64Array.from(values, BigInt)));
  return {
    feeds: { [graphNames.inputIds]: int64(b.inputIds), [graphNames.attentionMask]: int64(b.attentionMask), [LABELS]: int64(b.labels) },
    dims: { batch: b.batch, seq: b.seq },
  };
}
