import { numAttr, type KernelDescriptor } from '@okapi/core';
import { builtinLowerings } from '../lowering/all-lowerings';
import type { LoweringContext, OnnxKernel } from '../lowering/onnx-lowering';
import { MICROSOFT_DOMAIN } from '../proto/model-builder';

/**
 * RMSNorm as onnxruntime's SimplifiedLayerNormalization (one kernel instead of five nodes). It needs
 * a 1-D scale over the last axis; other broadcasts keep the built-in lowering. Right after a
 * residual Add of two same-shaped tensors (pre-norm transformers), Add + norm become one
 * com.microsoft SkipSimplifiedLayerNormalization whose sum output takes the Add's place.
 */
const kernel: OnnxKernel = {
  lower(ctx) {
    const xShape = ctx.dimsOf(0);
    const scaleShape = ctx.dimsOf(1);
    const fits = scaleShape.length === 1 && scaleShape[0] === xShape[xShape.length - 1] && ctx.outputDims.length === xShape.length;
    if (!fits) return (builtinLowerings.get('RMSNorm') as OnnxKernel['lower'])(ctx);
    const epsilon = { float: numAttr(ctx.node.attrs, 'epsilon', 1e-6) };
    return skipNorm(ctx, epsilon) ?? ctx.op('SimplifiedLayerNormalization', [ctx.input(0), ctx.input(1)], { axis: { int: -1 }, epsilon });
  },
};

function skipNorm(ctx: LoweringContext, epsilon: { float: number }): string | undefined {
  const add = ctx.node.inputs[0].node;
  if (add?.op !== 'Add') return undefined;
  const dims = ctx.dimsOf(0).join(',');
  if (add.inputs.some((v) => ctx.lowerer.dimsOf(v).join(',') !== dims)) return undefined;
  const sum = ctx.input(0);
  const addInputs = ctx.builder.takeOverProducer(sum, 'Add');
  if (addInputs === undefined) return undefined;
  const y = ctx.builder.freshName('skip_rms_norm');
  ctx.builder.node({
    op: 'SkipSimplifiedLayerNormalization', domain: MICROSOFT_DOMAIN,
    inputs: [...addInputs, ctx.input(1)], outputs: [y, '', '', sum], attributes: { epsilon },
  });
  return y;
}

export const rmsNormKernel: KernelDescriptor = {
  backend: 'onnx',
  op: 'RMSNorm',
  summary: 'onnxruntime SimplifiedLayerNormalization; after a residual Add, com.microsoft SkipSimplifiedLayerNormalization',
  implementation: kernel,
};
