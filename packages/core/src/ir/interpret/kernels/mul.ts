import { elementwise } from '../kernel';

/** a * b */
export const MulKernel = elementwise((a, b) => a * b);
