import { elementwise } from '../kernel';

/** ln x */
export const LogKernel = elementwise(Math.log);
