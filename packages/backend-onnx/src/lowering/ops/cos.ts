import { sameOp } from '../lowering-kit';

/** IR Cos = ONNX Cos: same inputs, same semantics. */
export const lowerCos = sameOp('Cos');
