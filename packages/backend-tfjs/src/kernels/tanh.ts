import { simpleKernel } from './kernel-kit';

/** tanh(x). */
export const tanhKernel = simpleKernel('Tanh', (tf, x) => tf.tanh(x));
