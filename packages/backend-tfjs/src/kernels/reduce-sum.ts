import { reduceKernel } from './reduce-kit';

/** Sum over `axes` (all when empty). */
export const reduceSumKernel = reduceKernel('ReduceSum', (tf, x, axes) => tf.sum(x, axes));
