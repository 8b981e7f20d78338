import { simpleKernel } from './kernel-kit';

/** Logical or on bool. */
export const orKernel = simpleKernel('Or', (tf, a, b) => tf.logicalOr(a, b));
