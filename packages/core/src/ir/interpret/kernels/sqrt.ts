import { elementwise } from '../kernel';

/** sqrt(x) */
export const SqrtKernel = elementwise(Math.sqrt);
