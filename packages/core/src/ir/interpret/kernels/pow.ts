import { elementwise } from '../kernel';

/** a ** b */
export const PowKernel = elementwise((a, b) => a ** b);
