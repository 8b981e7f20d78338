import { numAttr } from '../../attrs';
import { normalizeAxis } from '../../shape';
import type { RefKernel } from '../kernel';
import { refTensor } from '../ref-tensor';
import { forEachGathered } from './gather-kit';

export const GatherKernel: RefKernel = ([data, indices], attrs, out) => {
  const axis = normalizeAxis(numAttr(attrs, 'axis', 0), data.shape.length, 'reference Gather');
  const result = refTensor(out.dtype, out.shape);
  forEachGathered(data.shape, indices, axis, (d, g) => (result.data[g] = data.data[d]));
  return result;
};
