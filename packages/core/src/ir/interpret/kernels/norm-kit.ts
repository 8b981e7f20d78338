import type { RefKernel } from '../kernel';
import { broadcastMap, refTensor, type RefTensor } from '../ref-tensor';

/** Normalizes each last-axis lane of x with `normalize`, then applies the affine inputs elementwise. */
export function lastAxisNormKernel(normalize: (lane: Float64Array) => Float64Array, affine: (n: number, ...params: number[]) => number): RefKernel {
  return ([x, ...params], _attrs, out) => {
    const dim = x.shape[x.shape.length - 1];
    const normalized = refTensor(x.dtype, x.shape);
    for (let start = 0; start < x.data.length; start += dim) normalized.data.set(normalize(x.data.subarray(start, start + dim)), start);
    return broadcastMap([normalized, ...params] as RefTensor[], out.dtype, out.shape, affine);
  };
}
