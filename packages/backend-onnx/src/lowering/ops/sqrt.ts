import { sameOp } from '../lowering-kit';

/** IR Sqrt = ONNX Sqrt: same inputs, same semantics. */
export const lowerSqrt = sameOp('Sqrt');
