import { numAttr } from '../../attrs';
import type { RefKernel } from '../kernel';
import { refTensor } from '../ref-tensor';
import { forEachGathered } from './gather-kit';

/** Scatter-add of updates into zeros of the output shape (repeated indices accumulate). */
export const GatherGradKernel: RefKernel = ([updates, indices], attrs, out) => {
  const rank = out.shape.length;
  const raw = numAttr(attrs, 'axis');
  const axis = raw < 0 ? raw + rank : raw;
  const result = refTensor(out.dtype, out.shape);
  forEachGathered(out.shape, indices, axis, (d, g) => (result.data[d] += updates.data[g]));
  return result;
};
