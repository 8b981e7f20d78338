import { simpleKernel } from './kernel-kit';

/** Gauss error function (tfjs: Abramowitz-Stegun 7.1.26, |error| < 1.5e-7). */
export const erfKernel = simpleKernel('Erf', (tf, x) => tf.erf(x));
