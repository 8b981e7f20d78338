import { simpleKernel } from './kernel-kit';

/** cos(x). */
export const cosKernel = simpleKernel('Cos', (tf, x) => tf.cos(x));
