import { sameOp } from '../lowering-kit';

/** IR Neg = ONNX Neg: same inputs, same semantics. */
export const lowerNeg = sameOp('Neg');
