import { reduceKernel } from './reduce-kit';

export const ReduceSumKernel = reduceKernel(0, (a, x) => a + x);
