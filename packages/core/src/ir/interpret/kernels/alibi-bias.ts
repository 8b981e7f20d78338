import { numAttr } from '../../attrs';
import { alibiSlopes } from '../../ops/alibi-bias';
import type { RefKernel } from '../kernel';
import { refTensor } from '../ref-tensor';

/** out[b, h, 0, s] = slope[h] * ((cumsum(mask[b])[s] - 1) * mask[b, s]) (BLOOM build_alibi_tensor). */
export const AlibiBiasKernel: RefKernel = ([mask], attrs, out) => {
  const [batch, seq] = mask.shape;
  const heads = numAttr(attrs, 'numHeads');
  const slopes = alibiSlopes(heads);
  const result = refTensor(out.dtype, out.shape);
  for (let b = 0; b < batch; b++) {
    let cumulative = 0;
    for (let s = 0; s < seq; s++) {
      const m = mask.data[b * seq + s];
      cumulative += m;
      for (let h = 0; h < heads; h++) result.data[(b * heads + h) * seq + s] = slopes[h] * (cumulative - 1) * m;
    }
  }
  return result;
};
