import { elementwise } from '../kernel';

/** ONNX Cast: float -> int truncates toward zero (coerce), bool is x != 0 */
export const CastKernel = elementwise((x) => x);
