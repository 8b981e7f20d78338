import { numAttr } from '../../attrs';
import type { RefKernel } from '../kernel';
import { lastAxisNormKernel } from './norm-kit';

export const RMSNormKernel: RefKernel = (inputs, attrs, out) => {
  const eps = numAttr(attrs, 'epsilon', 1e-6);
  return lastAxisNormKernel((lane) => {
    const meanSquare = lane.reduce((a, v) => a + v * v, 0) / lane.length;
    return lane.map((v) => v / Math.sqrt(meanSquare + eps));
  }, (n, scale) => n * scale)(inputs, attrs, out);
};
