import { less } from './less';
import { binary, broadcastOp, scalar, type Operand } from './op-kit';
import { where } from './where';

/** Ties send the gradient to a (the first operand). */
export const Max = broadcastOp('Max', 'elementwise max(a, b) (broadcasting)', 2, ({ inputs: [a, b], dy, wants }) => {
  const bWins = less(a, b);
  const zero = scalar(dy, 0);
  return [wants[0] ? where(bWins, zero, dy) : undefined, wants[1] ? where(bWins, dy, zero) : undefined];
});
export const max = (a: Operand, b: Operand) => binary('Max', a, b);
