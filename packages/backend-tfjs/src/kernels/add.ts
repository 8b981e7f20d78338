import { simpleKernel } from './kernel-kit';

/** a + b with numpy broadcasting. */
export const addKernel = simpleKernel('Add', (tf, a, b) => tf.add(a, b));
