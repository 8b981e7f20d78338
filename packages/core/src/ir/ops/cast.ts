import type { DType } from '../dtype';
import type { OpDef } from '../op-def';
import type { Value } from '../value';
import { apply, isFloat } from './op-kit';

/** ONNX Cast: floats truncate toward zero into ints; bool is 0/1. Only float -> float is differentiable. */
export const Cast: OpDef = {
  name: 'Cast',
  summary: 'convert element type (attr to: DType)',
  arity: 1,
  infer: ([x], attrs) => ({ dtype: attrs.to as DType, shape: x.shape }),
  grad: ({ inputs: [x], output, dy }) => [isFloat(x.dtype) && isFloat(output.dtype) ? cast(dy, x.dtype) : undefined],
};
export const cast = (x: Value, to: DType) => (x.dtype === to ? x : apply('Cast', [x], { to }));
