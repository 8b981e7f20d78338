import { sameOp } from '../lowering-kit';

/** IR Greater = ONNX Greater: same inputs, same semantics. */
export const lowerGreater = sameOp('Greater');
