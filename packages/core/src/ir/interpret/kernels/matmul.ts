import type { RefKernel } from '../kernel';
import { broadcastOffsets, refTensor } from '../ref-tensor';

/** Batched matmul with broadcast batch dims. */
export const MatMulKernel: RefKernel = ([a, b], _attrs, out) => {
  const [m, k] = a.shape.slice(-2);
  const n = b.shape[b.shape.length - 1];
  const batch = out.shape.slice(0, -2);
  const aBatch = broadcastOffsets(a.shape.slice(0, -2), batch);
  const bBatch = broadcastOffsets(b.shape.slice(0, -2), batch);
  const result = refTensor(out.dtype, out.shape);
  for (let t = 0; t < aBatch.length; t++) {
    const ao = aBatch[t] * m * k;
    const bo = bBatch[t] * k * n;
    const ro = t * m * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a.data[ao + i * k + p] * b.data[bo + p * n + j];
        result.data[ro + i * n + j] = sum;
      }
    }
  }
  return result;
};
