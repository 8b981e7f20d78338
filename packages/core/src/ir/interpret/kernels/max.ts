import { elementwise } from '../kernel';

/** max(a, b) */
export const MaxKernel = elementwise((a, b) => Math.max(a, b));
