import { elementwise } from '../kernel';

/** 1 / (1 + e^-x) */
export const SigmoidKernel = elementwise((x) => 1 / (1 + Math.exp(-x)));
