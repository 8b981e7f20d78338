import { elementwise } from '../kernel';

/** max(x, 0) */
export const ReluKernel = elementwise((x) => (x > 0 ? x : 0));
