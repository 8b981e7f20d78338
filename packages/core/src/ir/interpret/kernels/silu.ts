import { elementwise } from '../kernel';

/** x * sigmoid(x) */
export const SiluKernel = elementwise((x) => x / (1 + Math.exp(-x)));
