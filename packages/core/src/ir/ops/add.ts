import { binary, broadcastOp, type Operand } from './op-kit';

export const Add = broadcastOp('Add', 'a + b (broadcasting)', 2, ({ dy }) => [dy, dy]);
export const add = (a: Operand, b: Operand) => binary('Add', a, b);
