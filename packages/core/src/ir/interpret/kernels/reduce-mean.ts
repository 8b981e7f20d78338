import { reduceKernel } from './reduce-kit';

export const ReduceMeanKernel = reduceKernel(0, (a, x) => a + x, (a, n) => a / n);
