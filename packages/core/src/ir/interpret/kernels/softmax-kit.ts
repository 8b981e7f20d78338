import { numAttr } from '../../attrs';
import { normalizeAxis } from '../../shape';
import type { RefKernel } from '../kernel';
import { aroundAxis, refTensor } from '../ref-tensor';

/** Applies fn to each 1-D lane along the `axis` attribute (default -1), lane copied out and back. */
export function laneKernel(fn: (lane: Float64Array) => Float64Array): RefKernel {
  return ([x], attrs, out) => {
    const axis = normalizeAxis(numAttr(attrs, 'axis', -1), x.shape.length, 'reference lane op');
    const [outer, dim, inner] = aroundAxis(x.shape, axis);
    const result = refTensor(out.dtype, out.shape);
    const lane = new Float64Array(dim);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * dim * inner + i;
        for (let d = 0; d < dim; d++) lane[d] = x.data[base + d * inner];
        const mapped = fn(lane);
        for (let d = 0; d < dim; d++) result.data[base + d * inner] = mapped[d];
      }
    }
    return result;
  };
}

/** Numerically stable log-softmax of one lane. */
export function logSoftmaxLane(lane: Float64Array): Float64Array {
  const max = Math.max(...lane);
  let sum = 0;
  for (const v of lane) sum += Math.exp(v - max);
  const logZ = max + Math.log(sum);
  return lane.map((v) => v - logZ);
}
