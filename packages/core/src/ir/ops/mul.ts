import { binary, broadcastOp, type Operand } from './op-kit';

export const Mul = broadcastOp('Mul', 'a * b (broadcasting)', 2, ({ inputs: [a, b], dy, wants }) => [
  wants[0] ? mul(dy, b) : undefined,
  wants[1] ? mul(dy, a) : undefined,
]);
export const mul = (a: Operand, b: Operand) => binary('Mul', a, b);
