import { simpleKernel } from './kernel-kit';

/** -x. */
export const negKernel = simpleKernel('Neg', (tf, x) => tf.neg(x));
