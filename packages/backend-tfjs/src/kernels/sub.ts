import { simpleKernel } from './kernel-kit';

/** a - b with numpy broadcasting. */
export const subKernel = simpleKernel('Sub', (tf, a, b) => tf.sub(a, b));
