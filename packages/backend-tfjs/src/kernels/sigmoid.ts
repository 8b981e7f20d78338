import { simpleKernel } from './kernel-kit';

/** 1 / (1 + e^-x). */
export const sigmoidKernel = simpleKernel('Sigmoid', (tf, x) => tf.sigmoid(x));
