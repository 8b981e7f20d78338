import { simpleKernel } from './kernel-kit';

/** a > b -> bool. */
export const greaterKernel = simpleKernel('Greater', (tf, a, b) => tf.greater(a, b));
