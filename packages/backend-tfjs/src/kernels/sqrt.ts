import { simpleKernel } from './kernel-kit';

/** Square root. */
export const sqrtKernel = simpleKernel('Sqrt', (tf, x) => tf.sqrt(x));
