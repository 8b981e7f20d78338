import { sameOp } from '../lowering-kit';

/** IR Or = ONNX Or: same inputs, same semantics. */
export const lowerOr = sameOp('Or');
