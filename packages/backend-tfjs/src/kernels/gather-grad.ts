import { normalizeAxis, numAttr } from '@okapi/core';
import { wrapNegative } from './kernel-kit';
import type { TfjsKernel } from './tfjs-kernel';

/**
 * Scatter-add of `updates` into zeros along `axis` (the adjoint of Gather). tfjs's scatterND sums
 * duplicate indices and exists on every engine (unsortedSegmentSum has no wasm kernel), so the
 * indexed dims are moved to the front, scattered, and the result is moved back.
 */
export const gatherGradKernel: TfjsKernel = {
  op: 'GatherGrad',
  run({ tf, inputs: [updates, indices], step }) {
    const outShape = step.output.shape;
    const k = indices.rank;
    const axis = normalizeAxis(numAttr(step.attrs, 'axis'), outShape.length, 'GatherGrad kernel');
    const size = outShape[axis];
    const before = Array.from({ length: axis }, (_, i) => i);
    const indexed = Array.from({ length: k }, (_, i) => axis + i);
    const after = Array.from({ length: updates.rank - axis - k }, (_, i) => axis + k + i);
    const front = tf.transpose(updates, [...indexed, ...before, ...after]);
    const rest = [...outShape.slice(0, axis), ...outShape.slice(axis + 1)];
    const where = tf.expandDims(wrapNegative(tf, indices, size), -1);
    const scattered = tf.scatterND(where, front, [size, ...rest]);
    const back = [...before.map((i) => i + 1), 0, ...after.map((_, i) => axis + 1 + i)];
    return tf.transpose(scattered, back);
  },
};
