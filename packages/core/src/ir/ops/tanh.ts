import type { Value } from '../value';
import { mul } from './mul';
import { apply, unaryOp } from './op-kit';
import { sub } from './sub';

export const Tanh = unaryOp('Tanh', 'tanh(x)', (_x, y) => sub(1, mul(y, y)));
export const tanh = (x: Value) => apply('Tanh', [x]);
