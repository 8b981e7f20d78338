import { reduceKernel } from './reduce-kit';

/** Max over `axes` (all when empty). */
export const reduceMaxKernel = reduceKernel('ReduceMax', (tf, x, axes) => tf.max(x, axes));
