import { sameOp } from '../lowering-kit';

/** IR Not = ONNX Not: same inputs, same semantics. */
export const lowerNot = sameOp('Not');
