import { sameOp } from '../lowering-kit';

/** IR Sub = ONNX Sub: same inputs, same semantics. */
export const lowerSub = sameOp('Sub');
