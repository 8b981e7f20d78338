import type { DType } from '@okapi/core';
import { onnxElemType } from '../../proto/onnx-dtype';
import type { OnnxLowering } from '../onnx-lowering';

/**
 * IR Cast = ONNX Cast (float → int truncates toward zero in both). bfloat16 lives as float32 under
 * onnxruntime-js, so a cast to bfloat16 rounds through it and comes back as float32.
 */
export const lowerCast: OnnxLowering = (ctx) => {
  const to = ctx.node.attrs.to as DType;
  const cast = ctx.op('Cast', [ctx.input(0)], { to: { int: onnxElemType[to] } });
  return to === 'bfloat16' ? ctx.op('Cast', [cast], { to: { int: onnxElemType.float32 } }) : cast;
};
