import { numsAttr } from '../../attrs';
import { stridesOf } from '../../shape';
import type { RefKernel } from '../kernel';
import { refTensor } from '../ref-tensor';
import { forEachIndex } from './index-kit';

/** out[i0..] = x[index permuted back]: output axis j reads input axis perm[j]. */
export const TransposeKernel: RefKernel = ([x], attrs, out) => {
  const perm = numsAttr(attrs, 'perm');
  const inStrides = stridesOf(x.shape);
  const result = refTensor(out.dtype, out.shape);
  forEachIndex(out.shape, (index, flat) => {
    let o = 0;
    for (let j = 0; j < perm.length; j++) o += index[j] * inStrides[perm[j]];
    result.data[flat] = x.data[o];
  });
  return result;
};
