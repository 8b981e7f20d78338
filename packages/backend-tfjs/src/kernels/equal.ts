import { simpleKernel } from './kernel-kit';

/** a == b -> bool. */
export const equalKernel = simpleKernel('Equal', (tf, a, b) => tf.equal(a, b));
