import type { RefKernel } from '../kernel';
import { broadcastMap } from '../ref-tensor';

export const ExpandKernel: RefKernel = ([x], _attrs, out) => broadcastMap([x], out.dtype, out.shape, (v) => v);
