import { withAxis } from '../lowering-kit';

/** IR LogSoftmax = ONNX LogSoftmax (opset 13 semantics: along one axis). */
export const lowerLogSoftmax = withAxis('LogSoftmax', -1);
