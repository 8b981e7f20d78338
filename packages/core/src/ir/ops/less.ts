import { binary, broadcastOp, type Operand } from './op-kit';

/** Not differentiable (bool result). */
export const Less = broadcastOp('Less', 'a < b -> bool (broadcasting)', 2, undefined, 'bool');
export const less = (a: Operand, b: Operand) => binary('Less', a, b);
