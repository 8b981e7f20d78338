import type { Value } from '../value';
import { mul } from './mul';
import { apply, unaryOp } from './op-kit';
import { sub } from './sub';

export const Sigmoid = unaryOp('Sigmoid', '1 / (1 + e^-x)', (_x, y) => mul(y, sub(1, y)));
export const sigmoid = (x: Value) => apply('Sigmoid', [x]);
