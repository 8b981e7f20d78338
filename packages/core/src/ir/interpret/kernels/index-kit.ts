import { numel } from '../../shape';

/** Calls fn with each multi-index of `shape` in row-major order (the array is reused). */
export function forEachIndex(shape: readonly number[], fn: (index: number[], flat: number) => void): void {
  const n = numel(shape);
  const index = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < n; flat++) {
    fn(index, flat);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
}

/** Flat offset of a multi-index under row-major strides. */
export function offsetOf(index: readonly number[], strides: readonly number[]): number {
  let o = 0;
  for (let d = 0; d < index.length; d++) o += index[d] * strides[d];
  return o;
}
