import { numAttr } from '@okapi/core';
import { onnxElemType } from '../../proto/onnx-dtype';
import { inlineTensorProto } from '../../proto/tensor-proto';
import type { OnnxLowering } from '../onnx-lowering';

/**
 * IR GatherGrad (scatter-add, the adjoint of Gather) as ONNX ScatterND(reduction 'add') into zeros.
 * ScatterND indexes leading axes, so the gathered axis is moved to the front and back again.
 * updates = data[:axis] + indices.shape + data[axis+1:]; out = data-shaped.
 */
export const lowerGatherGrad: OnnxLowering = (ctx) => {
  const updatesShape = ctx.shapeOf(0);
  const indicesShape = ctx.shapeOf(1);
  const out = ctx.outputShape;
  const axis = numAttr(ctx.node.attrs, 'axis');
  const k = indicesShape.length;
  const count = indicesShape.reduce((p, d) => p * d, 1);
  const pre = updatesShape.slice(0, axis);
  const post = updatesShape.slice(axis + k);
  // updates: [pre, idx, post] -> [idx, pre, post] -> [count, pre, post]
  const idxFirst = [...Array.from({ length: k }, (_, i) => axis + i), ...pre.map((_, i) => i), ...post.map((_, i) => axis + k + i)];
  const moved = axis === 0 ? ctx.input(0) : ctx.op('Transpose', [ctx.input(0)], { perm: { ints: idxFirst } });
  const flatUpdates = ctx.op('Reshape', [moved, ctx.int64s([count, ...pre, ...post])]);
  const int64Indices = ctx.node.inputs[1].dtype === 'int64' ? ctx.input(1) : ctx.op('Cast', [ctx.input(1)], { to: { int: onnxElemType.int64 } });
  const flatIndices = ctx.op('Reshape', [int64Indices, ctx.int64s([count, 1])]);
  const zero = inlineTensorProto('zero', ctx.node.output.dtype, [1], ctx.node.output.dtype === 'float64' ? new Float64Array(1) : new Float32Array(1));
  const zeros = ctx.op('ConstantOfShape', [ctx.int64s([out[axis], ...pre, ...post])], { value: { tensor: zero } });
  const scattered = ctx.op('ScatterND', [zeros, flatIndices, flatUpdates], { reduction: { string: 'add' } });
  if (axis === 0) return scattered;
  // [size, pre, post] -> [pre, size, post]
  const back = [...pre.map((_, i) => i + 1), 0, ...post.map((_, i) => pre.length + 1 + i)];
  return ctx.op('Transpose', [scattered], { perm: { ints: back } });
};
