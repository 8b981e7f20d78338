import { simpleKernel } from './kernel-kit';

/** Logical not on bool. */
export const notKernel = simpleKernel('Not', (tf, x) => tf.logicalNot(x));
