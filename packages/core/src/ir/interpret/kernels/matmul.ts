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
    // i-p-j order: rows of b are read contiguously (the interpreter also runs tiny real models)
    for (let i = 0; i < m; i++) {
      const row = ro + i * n;
      for (let p = 0; p < k; p++) {
        const av = a.data[ao + i * k + p];
        const bRow = bo + p * n;
        for (let j = 0; j < n; j++) result.data[row + j] += av * b.data[bRow + j];
      }
    }
  }
  return result;
};
