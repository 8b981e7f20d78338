import { simpleKernel } from './kernel-kit';

/** e^x. */
export const expKernel = simpleKernel('Exp', (tf, x) => tf.exp(x));
