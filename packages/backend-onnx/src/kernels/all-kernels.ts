import type { KernelDescriptor } from '@okapi/core';
import { causalAttentionKernel } from './causal-attention-kernel';
import { geluKernel } from './gelu-kernel';
import { rmsNormKernel } from './rms-norm-kernel';
import { rotaryKernel } from './rotary-kernel';

/** Fused kernels this plugin contributes (listed explicitly, one file each). */
export const onnxKernels: readonly KernelDescriptor[] = [rmsNormKernel, geluKernel, rotaryKernel, causalAttentionKernel];
