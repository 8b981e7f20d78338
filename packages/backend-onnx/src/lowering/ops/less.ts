import { sameOp } from '../lowering-kit';

/** IR Less = ONNX Less: same inputs, same semantics. */
export const lowerLess = sameOp('Less');
