import { sameOp } from '../lowering-kit';

/** IR Mul = ONNX Mul: same inputs, same semantics. */
export const lowerMul = sameOp('Mul');
