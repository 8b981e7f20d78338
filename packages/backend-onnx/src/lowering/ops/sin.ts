import { sameOp } from '../lowering-kit';

/** IR Sin = ONNX Sin: same inputs, same semantics. */
export const lowerSin = sameOp('Sin');
