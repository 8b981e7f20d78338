import { simpleKernel } from './kernel-kit';

/** cond ? a : b, broadcasting over all three (tfjs 4 broadcasts in where). */
export const whereKernel = simpleKernel('Where', (tf, c, a, b) => tf.where(c, a, b));
