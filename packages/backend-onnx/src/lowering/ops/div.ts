import { sameOp } from '../lowering-kit';

/** IR Div = ONNX Div: same inputs, same semantics. */
export const lowerDiv = sameOp('Div');
