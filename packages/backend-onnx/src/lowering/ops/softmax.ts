import { withAxis } from '../lowering-kit';

/** IR Softmax = ONNX Softmax (opset 13 semantics: along one axis). */
export const lowerSoftmax = withAxis('Softmax', -1);
