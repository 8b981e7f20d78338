import type { HostTensor } from '../host-tensor';
import type { OpDef } from '../op-def';

/** A constant tensor (attr value: HostTensor). */
export const Constant: OpDef = {
  name: 'Constant',
  summary: 'constant tensor (attr value)',
  arity: 0,
  infer(_inputs, attrs) {
    const value = attrs.value as HostTensor;
    return { dtype: value.dtype, shape: value.shape };
  },
};
