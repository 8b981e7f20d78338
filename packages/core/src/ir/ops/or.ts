import { binary, broadcastOp, type Operand } from './op-kit';

/** Not differentiable (bool result). */
export const Or = broadcastOp('Or', 'a || b on bool (broadcasting)', 2, undefined, 'bool', 'bool');
export const or = (a: Operand, b: Operand) => binary('Or', a, b);
