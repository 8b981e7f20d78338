import { simpleKernel } from './kernel-kit';

/** Elementwise minimum. */
export const minKernel = simpleKernel('Min', (tf, a, b) => tf.minimum(a, b));
