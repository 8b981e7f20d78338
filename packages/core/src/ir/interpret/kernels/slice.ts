import { sliceRanges, type SliceRange } from '../../ops/slice';
import { stridesOf } from '../../shape';
import type { RefKernel } from '../kernel';
import { refTensor } from '../ref-tensor';
import { forEachIndex } from './index-kit';

/** out index i on a sliced axis reads start + i * step (ONNX clamping done by sliceRanges). */
export const SliceKernel: RefKernel = ([x], attrs, out) => {
  const ranges = sliceRanges(x.shape, attrs, 'reference Slice') as SliceRange[];
  const start = x.shape.map(() => 0);
  const step = x.shape.map(() => 1);
  for (const r of ranges) {
    start[r.axis] = r.start;
    step[r.axis] = r.step;
  }
  const strides = stridesOf(x.shape);
  const result = refTensor(out.dtype, out.shape);
  forEachIndex(out.shape, (index, flat) => {
    let o = 0;
    for (let d = 0; d < index.length; d++) o += (start[d] + index[d] * step[d]) * strides[d];
    result.data[flat] = x.data[o];
  });
  return result;
};
