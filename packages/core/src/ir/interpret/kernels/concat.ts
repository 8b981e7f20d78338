import { numAttr } from '../../attrs';
import { normalizeAxis } from '../../shape';
import type { RefKernel } from '../kernel';
import { aroundAxis, refTensor } from '../ref-tensor';

export const ConcatKernel: RefKernel = (inputs, attrs, out) => {
  const axis = normalizeAxis(numAttr(attrs, 'axis'), out.shape.length, 'reference Concat');
  const [outer, total, inner] = aroundAxis(out.shape, axis);
  const result = refTensor(out.dtype, out.shape);
  let start = 0;
  for (const x of inputs) {
    const dim = x.shape[axis];
    for (let o = 0; o < outer; o++) {
      for (let d = 0; d < dim; d++) {
        for (let i = 0; i < inner; i++) result.data[(o * total + start + d) * inner + i] = x.data[(o * dim + d) * inner + i];
      }
    }
    start += dim;
  }
  return result;
};
