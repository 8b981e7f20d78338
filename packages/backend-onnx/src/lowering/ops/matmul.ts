import { sameOp } from '../lowering-kit';

/** IR MatMul = ONNX MatMul: same inputs, same semantics. */
export const lowerMatMul = sameOp('MatMul');
