import { numAttr, type KernelDescriptor } from '@okapi/core';
import { builtinLowerings } from '../lowering/all-lowerings';
import type { OnnxKernel } from '../lowering/onnx-lowering';

/**
 * RMSNorm as onnxruntime's SimplifiedLayerNormalization (one kernel instead of five nodes). It needs
 * a 1-D scale over the last axis; other broadcasts keep the built-in lowering.
 */
const kernel: OnnxKernel = {
  lower(ctx) {
    const xShape = ctx.dimsOf(0);
    const scaleShape = ctx.dimsOf(1);
    const fits = scaleShape.length === 1 && scaleShape[0] === xShape[xShape.length - 1] && ctx.outputDims.length === xShape.length;
    if (!fits) return (builtinLowerings.get('RMSNorm') as OnnxKernel['lower'])(ctx);
    return ctx.op('SimplifiedLayerNormalization', [ctx.input(0), ctx.input(1)], {
      axis: { int: -1 },
      epsilon: { float: numAttr(ctx.node.attrs, 'epsilon', 1e-6) },
    });
  },
};

export const rmsNormKernel: KernelDescriptor = {
  backend: 'onnx',
  op: 'RMSNorm',
  summary: 'onnxruntime SimplifiedLayerNormalization (contrib op, onnx domain)',
  implementation: kernel,
};
