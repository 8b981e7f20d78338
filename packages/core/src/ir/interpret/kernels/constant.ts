import type { HostTensor } from '../../host-tensor';
import type { RefKernel } from '../kernel';
import { fromHost } from '../ref-tensor';

export const ConstantKernel: RefKernel = (_inputs, attrs) => fromHost(attrs.value as HostTensor);
