import { sameOp } from '../lowering-kit';

/** IR Erf = ONNX Erf: same inputs, same semantics. */
export const lowerErf = sameOp('Erf');
