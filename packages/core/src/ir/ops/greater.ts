import { binary, broadcastOp, type Operand } from './op-kit';

/** Not differentiable (bool result). */
export const Greater = broadcastOp('Greater', 'a > b -> bool (broadcasting)', 2, undefined, 'bool');
export const greater = (a: Operand, b: Operand) => binary('Greater', a, b);
