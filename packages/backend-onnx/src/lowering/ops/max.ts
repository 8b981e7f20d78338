import { sameOp } from '../lowering-kit';

/** IR Max = ONNX Max: same inputs, same semantics. */
export const lowerMax = sameOp('Max');
