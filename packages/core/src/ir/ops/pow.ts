import { log } from './log';
import { mul } from './mul';
import { binary, broadcastOp, type Operand } from './op-kit';
import { sub } from './sub';

/** d(a^b)/da = b a^(b-1); d(a^b)/db = a^b ln a (only built when b needs a gradient). */
export const Pow = broadcastOp('Pow', 'a ** b (broadcasting; float)', 2, ({ inputs: [a, b], output, dy, wants }) => [
  wants[0] ? mul(dy, mul(b, pow(a, sub(b, 1)))) : undefined,
  wants[1] ? mul(dy, mul(output, log(a))) : undefined,
]);
export const pow = (a: Operand, b: Operand) => binary('Pow', a, b);
