import { ops } from '@okapi/core';
import type { Tensor } from '../engine/tf-module';
import type { TfjsKernel } from './tfjs-kernel';

type SliceRange = ReturnType<typeof ops.sliceRange>;

/**
 * ONNX Slice. Unit steps become one tf.slice; other steps (negative ones included) gather the
 * selected indices, which avoids tfjs's stridedSlice reading a negative end as "from the back".
 */
export const sliceKernel: TfjsKernel = {
  op: 'Slice',
  run({ tf, inputs: [x], step }) {
    const shape = step.inputs[0].shape;
    const ranges = ops.sliceRanges(shape, step.attrs, 'Slice kernel') as SliceRange[];
    const begin = shape.map(() => 0);
    const size = [...shape];
    for (const r of ranges.filter((q) => q.step === 1)) {
      begin[r.axis] = r.start;
      size[r.axis] = r.length;
    }
    let y: Tensor = tf.slice(x, begin, size);
    for (const r of ranges.filter((q) => q.step !== 1)) {
      const indices = Array.from({ length: r.length }, (_, i) => r.start + i * r.step);
      y = tf.gather(y, tf.tensor1d(indices, 'int32'), r.axis);
    }
    return y;
  },
};
