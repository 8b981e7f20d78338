import { elementwise } from '../kernel';

/** a == b */
export const EqualKernel = elementwise((a, b) => (a === b ? 1 : 0));
