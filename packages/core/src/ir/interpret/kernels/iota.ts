import type { RefKernel } from '../kernel';
import { refTensor } from '../ref-tensor';

export const IotaKernel: RefKernel = (_inputs, _attrs, out) => refTensor(out.dtype, out.shape, Float64Array.from({ length: out.shape[0] }, (_, i) => i));
