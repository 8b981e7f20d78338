import { reducedAxes } from '../../ops/reduce-kit';
import type { RefKernel } from '../kernel';
import { broadcastOffsets, refTensor } from '../ref-tensor';

/** A reduction: fold every input element into its output slot, then finish with the count. */
export function reduceKernel(init: number, fold: (acc: number, x: number) => number, finish: (acc: number, count: number) => number = (a) => a): RefKernel {
  return ([x], attrs, out) => {
    const axes = reducedAxes(attrs, x.shape.length, 'reference reduce');
    const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    const slots = broadcastOffsets(kept, x.shape);
    const result = refTensor(out.dtype, out.shape);
    result.data.fill(init);
    for (let k = 0; k < x.data.length; k++) result.data[slots[k]] = fold(result.data[slots[k]], x.data[k]);
    const count = axes.reduce((p, a) => p * x.shape[a], 1);
    for (let k = 0; k < result.data.length; k++) result.data[k] = finish(result.data[k], count);
    return result;
  };
}
