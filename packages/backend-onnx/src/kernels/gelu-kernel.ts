import type { KernelDescriptor } from '@okapi/core';
import { MICROSOFT_DOMAIN } from '../proto/model-builder';
import type { OnnxKernel } from '../lowering/onnx-lowering';

/** Gelu (tanh approximation) as com.microsoft FastGelu: the same formula in one kernel. */
const kernel: OnnxKernel = {
  lower: (ctx) => ctx.op('FastGelu', [ctx.input(0)], undefined, MICROSOFT_DOMAIN),
};

export const geluKernel: KernelDescriptor = {
  backend: 'onnx',
  op: 'Gelu',
  summary: 'com.microsoft FastGelu (tanh-approximated GELU)',
  implementation: kernel,
};
