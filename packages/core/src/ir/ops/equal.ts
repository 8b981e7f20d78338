import { binary, broadcastOp, type Operand } from './op-kit';

/** Not differentiable (bool result). */
export const Equal = broadcastOp('Equal', 'a == b -> bool (broadcasting)', 2, undefined, 'bool');
export const equal = (a: Operand, b: Operand) => binary('Equal', a, b);
