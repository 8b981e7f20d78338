import { elementwise } from '../kernel';

/** a && b */
export const AndKernel = elementwise((a, b) => (a && b ? 1 : 0));
