import type { DType } from '@okapi/core';
import { onnxElemType } from '../../proto/onnx-dtype';
import type { OnnxLowering } from '../onnx-lowering';

/** IR Iota = ONNX Range(0, length, 1); a symbolic length is read from an input's shape at run time. */
export const lowerIota: OnnxLowering = (ctx) => {
  const dtype = ctx.node.attrs.dtype as DType;
  const [length] = ctx.outputDims;
  if (typeof length === 'number') return ctx.op('Range', [ctx.scalar(0, dtype), ctx.scalar(length, dtype), ctx.scalar(1, dtype)]);
  const limit = ctx.op('Squeeze', [ctx.shapeTensor([length]), ctx.int64s([0])]);
  const typedLimit = dtype === 'int64' ? limit : ctx.op('Cast', [limit], { to: { int: onnxElemType[dtype] } });
  return ctx.op('Range', [ctx.scalar(0, dtype), typedLimit, ctx.scalar(1, dtype)]);
};
