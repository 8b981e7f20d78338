import { numAttr } from '../../attrs';
import type { RefKernel } from '../kernel';
import { broadcastOffsets, refTensor } from '../ref-tensor';

/**
 * softmax over the allowed keys of q·k·scale (+ bias), times v, head by head; query head h reads
 * K/V head floor(h / groups). Masked keys get `maskedScore` (HF's float32 minimum), as the graph does.
 */
export const CausalAttentionKernel: RefKernel = ([q, k, v, allowed, bias], attrs, out) => {
  const [batch, heads, seq, d] = q.shape;
  const [kvHeads, keys] = [k.shape[1], k.shape[2]];
  const groups = heads / kvHeads;
  const scoresShape = [batch, heads, seq, keys];
  const maskAt = broadcastOffsets(allowed.shape, scoresShape);
  const biasAt = bias === undefined ? undefined : broadcastOffsets(bias.shape, scoresShape);
  const [scale, maskedScore] = [numAttr(attrs, 'scale'), numAttr(attrs, 'maskedScore')];
  const result = refTensor(out.dtype, out.shape);
  const scores = new Float64Array(keys);
  for (let b = 0; b < batch; b++) {
    for (let h = 0; h < heads; h++) {
      const kv = (b * kvHeads + Math.floor(h / groups)) * keys * d;
      for (let s = 0; s < seq; s++) {
        const qAt = ((b * heads + h) * seq + s) * d;
        const row = ((b * heads + h) * seq + s) * keys;
        for (let j = 0; j < keys; j++) {
          let dot = 0;
          for (let i = 0; i < d; i++) dot += q.data[qAt + i] * k.data[kv + j * d + i];
          const biased = dot * scale + (biasAt === undefined ? 0 : bias!.data[biasAt[row + j]]);
          scores[j] = allowed.data[maskAt[row + j]] !== 0 ? biased : maskedScore;
        }
        const max = Math.max(...scores);
        let total = 0;
        for (let j = 0; j < keys; j++) total += (scores[j] = Math.exp(scores[j] - max));
        for (let i = 0; i < d; i++) {
          let acc = 0;
          for (let j = 0; j < keys; j++) acc += (scores[j] / total) * v.data[kv + j * d + i];
          result.data[qAt + i] = acc;
        }
      }
    }
  }
  return result;
};
