import { sameOp } from '../lowering-kit';

/** IR Sigmoid = ONNX Sigmoid: same inputs, same semantics. */
export const lowerSigmoid = sameOp('Sigmoid');
