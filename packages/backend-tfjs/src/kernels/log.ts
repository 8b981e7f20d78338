import { simpleKernel } from './kernel-kit';

/** Natural log. */
export const logKernel = simpleKernel('Log', (tf, x) => tf.log(x));
