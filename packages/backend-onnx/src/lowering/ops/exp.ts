import { sameOp } from '../lowering-kit';

/** IR Exp = ONNX Exp: same inputs, same semantics. */
export const lowerExp = sameOp('Exp');
