import { elementwise } from '../kernel';

/** min(a, b) */
export const MinKernel = elementwise((a, b) => Math.min(a, b));
