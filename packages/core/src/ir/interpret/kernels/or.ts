import { elementwise } from '../kernel';

/** a || b */
export const OrKernel = elementwise((a, b) => (a || b ? 1 : 0));
