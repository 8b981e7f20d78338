import { numAttr } from '../../attrs';
import type { RefKernel } from '../kernel';
import { lastAxisNormKernel } from './norm-kit';

export const LayerNormKernel: RefKernel = (inputs, attrs, out) => {
  const eps = numAttr(attrs, 'epsilon', 1e-5);
  return lastAxisNormKernel((lane) => {
    const mean = lane.reduce((a, v) => a + v, 0) / lane.length;
    const variance = lane.reduce((a, v) => a + (v - mean) ** 2, 0) / lane.length;
    return lane.map((v) => (v - mean) / Math.sqrt(variance + eps));
  }, (n, scale, bias) => n * scale + bias)(inputs, attrs, out);
};
