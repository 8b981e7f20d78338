import { simpleKernel } from './kernel-kit';

/** a * b with numpy broadcasting. */
export const mulKernel = simpleKernel('Mul', (tf, a, b) => tf.mul(a, b));
