import { mul } from './mul';
import { neg } from './neg';
import { binary, broadcastOp, type Operand } from './op-kit';

/** d(a/b)/db = -y/b. */
export const Div = broadcastOp('Div', 'a / b (broadcasting; float)', 2, ({ inputs: [, b], output, dy, wants }) => [
  wants[0] ? div(dy, b) : undefined,
  wants[1] ? neg(div(mul(dy, output), b)) : undefined,
]);
export const div = (a: Operand, b: Operand) => binary('Div', a, b);
