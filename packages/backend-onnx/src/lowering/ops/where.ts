import { sameOp } from '../lowering-kit';

/** IR Where = ONNX Where: same inputs, same semantics. */
export const lowerWhere = sameOp('Where');
