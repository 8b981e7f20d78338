import type { Value } from '../value';
import { neg } from './neg';
import { apply, unaryOp } from './op-kit';
import { sin } from './sin';

export const Cos = unaryOp('Cos', 'cos(x)', (x) => neg(sin(x)));
export const cos = (x: Value) => apply('Cos', [x]);
