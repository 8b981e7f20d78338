import type { Value } from '../value';
import { exp } from './exp';
import { mul } from './mul';
import { neg } from './neg';
import { apply, unaryOp } from './op-kit';

/** erf'(x) = 2/sqrt(pi) e^(-x^2). */
export const Erf = unaryOp('Erf', 'Gauss error function', (x) => mul(exp(neg(mul(x, x))), 2 / Math.sqrt(Math.PI)));
export const erf = (x: Value) => apply('Erf', [x]);
