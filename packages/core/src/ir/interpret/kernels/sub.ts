import { elementwise } from '../kernel';

/** a - b */
export const SubKernel = elementwise((a, b) => a - b);
