import { greater } from './greater';
import { binary, broadcastOp, scalar, type Operand } from './op-kit';
import { where } from './where';

/** Ties send the gradient to a (the first operand). */
export const Min = broadcastOp('Min', 'elementwise min(a, b) (broadcasting)', 2, ({ inputs: [a, b], dy, wants }) => {
  const bWins = greater(a, b);
  const zero = scalar(dy, 0);
  return [wants[0] ? where(bWins, zero, dy) : undefined, wants[1] ? where(bWins, dy, zero) : undefined];
});
export const min = (a: Operand, b: Operand) => binary('Min', a, b);
