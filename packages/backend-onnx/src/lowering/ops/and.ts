import { sameOp } from '../lowering-kit';

/** IR And = ONNX And: same inputs, same semantics. */
export const lowerAnd = sameOp('And');
