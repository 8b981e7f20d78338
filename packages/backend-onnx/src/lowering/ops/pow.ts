import { sameOp } from '../lowering-kit';

/** IR Pow = ONNX Pow: same inputs, same semantics. */
export const lowerPow = sameOp('Pow');
