import { simpleKernel } from './kernel-kit';

/** Elementwise maximum. */
export const maxKernel = simpleKernel('Max', (tf, a, b) => tf.maximum(a, b));
