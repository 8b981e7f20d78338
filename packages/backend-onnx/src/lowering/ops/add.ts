import { sameOp } from '../lowering-kit';

/** IR Add = ONNX Add: same inputs, same semantics. */
export const lowerAdd = sameOp('Add');
