import type { Value } from '../value';
import { neg } from './neg';
import { apply, unaryOp } from './op-kit';

export const Cos = unaryOp('Cos', 'cos(x)', (x) => neg(apply('Sin', [x])));
export const cos = (x: Value) => apply('Cos', [x]);
