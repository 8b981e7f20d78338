import type { Value } from '../value';
import { div } from './div';
import { apply, unaryOp } from './op-kit';

export const Sqrt = unaryOp('Sqrt', 'sqrt(x)', (_x, y) => div(0.5, y));
export const sqrt = (x: Value) => apply('Sqrt', [x]);
