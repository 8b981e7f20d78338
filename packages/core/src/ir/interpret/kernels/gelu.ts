import { elementwise } from '../kernel';

/** tanh-approximated GELU */
export const GeluKernel = elementwise((x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))));
