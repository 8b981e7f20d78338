import type { KernelDescriptor } from '@okapi/core';

/** Fused kernels this plugin contributes (listed explicitly, one file each). */
export const onnxKernels: readonly KernelDescriptor[] = [];
