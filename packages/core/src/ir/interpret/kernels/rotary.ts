import type { RefKernel } from '../kernel';
import { broadcastMap, refTensor } from '../ref-tensor';

/** x*cos + rotate_half(x)*sin with rotate_half([x1, x2]) = [-x2, x1] on the last axis. */
export const RotaryKernel: RefKernel = ([x, cos, sin], _attrs, out) => {
  const dim = x.shape[x.shape.length - 1];
  const half = dim / 2;
  const rotated = refTensor(x.dtype, x.shape);
  for (let k = 0; k < x.data.length; k++) {
    const j = k % dim;
    rotated.data[k] = j < half ? -x.data[k + half] : x.data[k - half];
  }
  return broadcastMap([x, rotated, cos, sin], out.dtype, out.shape, (v, r, c, s) => v * c + r * s);
};
