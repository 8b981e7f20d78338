import { elementwise } from '../kernel';

/** sin x */
export const SinKernel = elementwise(Math.sin);
