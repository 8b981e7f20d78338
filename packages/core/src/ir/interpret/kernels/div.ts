import { elementwise } from '../kernel';

/** a / b; integer division truncates toward zero (coerce), as ONNX Div on ints. */
export const DivKernel = elementwise((a, b) => a / b);
