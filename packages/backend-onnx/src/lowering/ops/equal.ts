import { sameOp } from '../lowering-kit';

/** IR Equal = ONNX Equal: same inputs, same semantics. */
export const lowerEqual = sameOp('Equal');
