import { simpleKernel } from './kernel-kit';

/** sin(x). */
export const sinKernel = simpleKernel('Sin', (tf, x) => tf.sin(x));
