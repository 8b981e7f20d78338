import { elementwise } from '../kernel';

/** a + b */
export const AddKernel = elementwise((a, b) => a + b);
