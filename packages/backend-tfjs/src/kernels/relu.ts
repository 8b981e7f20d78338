import { simpleKernel } from './kernel-kit';

/** max(x, 0). */
export const reluKernel = simpleKernel('Relu', (tf, x) => tf.relu(x));
