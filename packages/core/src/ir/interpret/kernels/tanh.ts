import { elementwise } from '../kernel';

/** tanh x */
export const TanhKernel = elementwise(Math.tanh);
