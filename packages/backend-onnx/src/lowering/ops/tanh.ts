import { sameOp } from '../lowering-kit';

/** IR Tanh = ONNX Tanh: same inputs, same semantics. */
export const lowerTanh = sameOp('Tanh');
