import { reduceKernel } from './reduce-kit';

/** Mean over `axes` (all when empty). */
export const reduceMeanKernel = reduceKernel('ReduceMean', (tf, x, axes) => tf.mean(x, axes));
