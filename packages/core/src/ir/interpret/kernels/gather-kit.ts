import type { RefTensor } from '../ref-tensor';
import { aroundAxis } from '../ref-tensor';

/**
 * Visits every (outer, index position, inner) triple of a Gather along `axis` with data dim `dim`:
 * fn(dataOffset, gatheredOffset). Negative indices count from the end; out-of-range throws.
 */
export function forEachGathered(dataShape: readonly number[], indices: RefTensor, axis: number, fn: (dataOffset: number, gatheredOffset: number) => void): void {
  const [outer, dim, inner] = aroundAxis(dataShape, axis);
  const count = indices.data.length;
  for (let o = 0; o < outer; o++) {
    for (let p = 0; p < count; p++) {
      let idx = indices.data[p];
      if (idx < 0) idx += dim;
      if (idx < 0 || idx >= dim) throw new RangeError(`Gather: index ${indices.data[p]} out of range for dim ${dim}`);
      for (let i = 0; i < inner; i++) fn((o * dim + idx) * inner + i, (o * count + p) * inner + i);
    }
  }
}
