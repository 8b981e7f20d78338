import { reduceKernel } from './reduce-kit';

export const ReduceMaxKernel = reduceKernel(Number.NEGATIVE_INFINITY, (a, x) => Math.max(a, x));
