import { sameOp } from '../lowering-kit';

/** IR Relu = ONNX Relu: same inputs, same semantics. */
export const lowerRelu = sameOp('Relu');
