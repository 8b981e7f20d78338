import { neg } from './neg';
import { binary, broadcastOp, type Operand } from './op-kit';

export const Sub = broadcastOp('Sub', 'a - b (broadcasting)', 2, ({ dy, wants }) => [dy, wants[1] ? neg(dy) : undefined]);
export const sub = (a: Operand, b: Operand) => binary('Sub', a, b);
