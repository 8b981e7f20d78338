import { elementwise } from '../kernel';

/** !x */
export const NotKernel = elementwise((x) => (x ? 0 : 1));
