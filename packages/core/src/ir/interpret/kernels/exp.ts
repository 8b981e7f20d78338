import { elementwise } from '../kernel';

/** e^x */
export const ExpKernel = elementwise(Math.exp);
