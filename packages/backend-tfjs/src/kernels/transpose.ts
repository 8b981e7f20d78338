import { numsAttr } from '@okapi/core';
import type { TfjsKernel } from './tfjs-kernel';

/** Permute dims (output dim i = input dim perm[i]); always materialised, which wasm's matmul needs. */
export const transposeKernel: TfjsKernel = {
  op: 'Transpose',
  run: ({ tf, inputs: [x], step }) => tf.transpose(x, numsAttr(step.attrs, 'perm')),
};
