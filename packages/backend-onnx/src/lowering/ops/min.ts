import { sameOp } from '../lowering-kit';

/** IR Min = ONNX Min: same inputs, same semantics. */
export const lowerMin = sameOp('Min');
