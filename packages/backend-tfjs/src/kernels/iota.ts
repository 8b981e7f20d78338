import type { DType } from '@okapi/core';
import { tfDTypeOf } from '../tensor/dtype-map';
import type { TfjsKernel } from './tfjs-kernel';

/** 0, 1, …, length-1; sessions compute it once at compile time (the length is bound by then). */
export const iotaKernel: TfjsKernel = {
  op: 'Iota',
  run: ({ tf, step }) => tf.range(0, step.output.shape[0], 1, tfDTypeOf(step.attrs.dtype as DType, 'Iota kernel') as 'int32' | 'float32'),
};
