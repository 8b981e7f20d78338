import { simpleKernel } from './kernel-kit';

/** x * sigmoid(x) (fused in the IR; one tfjs expression here). */
export const siluKernel = simpleKernel('Silu', (tf, x) => tf.mul(x, tf.sigmoid(x)));
