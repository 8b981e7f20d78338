import { elementwise } from '../kernel';

/** a < b */
export const LessKernel = elementwise((a, b) => (a < b ? 1 : 0));
