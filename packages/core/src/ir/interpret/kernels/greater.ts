import { elementwise } from '../kernel';

/** a > b */
export const GreaterKernel = elementwise((a, b) => (a > b ? 1 : 0));
