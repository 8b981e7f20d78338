import { elementwise } from '../kernel';

/** -x */
export const NegKernel = elementwise((x) => -x);
