import type { Attrs } from '../attrs';
import type { DType } from '../dtype';
import { broadcastMap, coerce, type RefTensor } from './ref-tensor';

/** The static type of the node's output after dims are bound. */
export interface OutType {
  readonly dtype: DType;
  readonly shape: readonly number[];
}

/** A float64 reference kernel for one op. */
export type RefKernel = (inputs: readonly RefTensor[], attrs: Attrs, out: OutType) => RefTensor;

/** An elementwise kernel over broadcast inputs; results are coerced to the output dtype. */
export function elementwise(fn: (...xs: number[]) => number): RefKernel {
  return (inputs, _attrs, out) => broadcastMap(inputs, out.dtype, out.shape, (...xs) => coerce(out.dtype, fn(...xs)));
}
