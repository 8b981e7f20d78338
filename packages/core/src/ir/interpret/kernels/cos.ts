import { elementwise } from '../kernel';

/** cos x */
export const CosKernel = elementwise(Math.cos);
