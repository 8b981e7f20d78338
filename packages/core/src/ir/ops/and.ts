import { binary, broadcastOp, type Operand } from './op-kit';

/** Not differentiable (bool result). */
export const And = broadcastOp('And', 'a && b on bool (broadcasting)', 2, undefined, 'bool', 'bool');
export const and = (a: Operand, b: Operand) => binary('And', a, b);
