import type { RefKernel } from '../kernel';
import { refTensor, type RefTensor } from '../ref-tensor';
import { logSoftmaxLane } from './softmax-kit';

/** log_softmax of each last-axis lane, read at ids (ids outside [0, V) give NaN, never wrap). */
export function pickLogProbs(logits: RefTensor, ids: RefTensor): Float64Array {
  const vocab = logits.shape[logits.shape.length - 1];
  const picked = new Float64Array(ids.data.length);
  for (let t = 0; t < ids.data.length; t++) {
    const id = ids.data[t];
    picked[t] = id >= 0 && id < vocab ? logSoftmaxLane(logits.data.subarray(t * vocab, (t + 1) * vocab))[id] : Number.NaN;
  }
  return picked;
}

export const LogSoftmaxGatherKernel: RefKernel = ([logits, ids], _attrs, out) => refTensor(out.dtype, out.shape, pickLogProbs(logits, ids));
