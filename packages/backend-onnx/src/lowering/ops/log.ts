import { sameOp } from '../lowering-kit';

/** IR Log = ONNX Log: same inputs, same semantics. */
export const lowerLog = sameOp('Log');
