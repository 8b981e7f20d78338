import type { DType } from '@okapi/core';
import { tfDTypeOf } from '../tensor/dtype-map';
import type { TfjsKernel } from './tfjs-kernel';

/** ONNX Cast: float -> int truncates toward zero (as tfjs does), anything -> bool is x != 0. */
export const castKernel: TfjsKernel = {
  op: 'Cast',
  run({ tf, inputs: [x], step }) {
    const to = tfDTypeOf(step.attrs.to as DType, 'Cast kernel');
    return x.dtype === to ? x : tf.cast(x, to);
  },
};
