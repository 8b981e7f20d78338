import type { Value } from '../value';
import { cast } from './cast';
import { greater } from './greater';
import { apply, unaryOp } from './op-kit';

/** Gradient at 0 is 0 (as in PyTorch). */
export const Relu = unaryOp('Relu', 'max(x, 0)', (x) => cast(greater(x, 0), x.dtype));
export const relu = (x: Value) => apply('Relu', [x]);
