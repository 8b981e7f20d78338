import type { HostTensor } from '@okapi/core';
import { toTfTensor } from '../tensor/host-convert';
import type { TfjsKernel } from './tfjs-kernel';

/** A constant baked into the graph; sessions compute it once at compile time. */
export const constantKernel: TfjsKernel = {
  op: 'Constant',
  run: ({ tf, step }) => toTfTensor(tf, step.attrs.value as HostTensor, 'Constant kernel'),
};
