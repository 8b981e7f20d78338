import { simpleKernel } from './kernel-kit';

/** a < b -> bool. */
export const lessKernel = simpleKernel('Less', (tf, a, b) => tf.less(a, b));
