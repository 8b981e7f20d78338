import { elementwise } from '../kernel';

/** cond ? x : y */
export const WhereKernel = elementwise((c, x, y) => (c ? x : y));
