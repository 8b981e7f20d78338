import type { Value } from '../value';
import { cos } from './cos';
import { apply, unaryOp } from './op-kit';

export const Sin = unaryOp('Sin', 'sin(x)', (x) => cos(x));
export const sin = (x: Value) => apply('Sin', [x]);
