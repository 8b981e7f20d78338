import { simpleKernel } from './kernel-kit';

/** a ** b with numpy broadcasting. */
export const powKernel = simpleKernel('Pow', (tf, a, b) => tf.pow(a, b));
