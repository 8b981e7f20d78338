import { simpleKernel } from './kernel-kit';

/** Logical and on bool. */
export const andKernel = simpleKernel('And', (tf, a, b) => tf.logicalAnd(a, b));
