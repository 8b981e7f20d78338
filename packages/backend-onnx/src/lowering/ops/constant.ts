import type { HostTensor } from '@okapi/core';
import { ortDtypeOf } from '../../ort/tensor-convert';
import type { OnnxLowering } from '../onnx-lowering';

/** IR Constant = an ONNX initializer (bfloat16 constants are stored widened, like every bf16 tensor). */
export const lowerConstant: OnnxLowering = (ctx) => {
  const value = ctx.node.attrs.value as HostTensor;
  if (value.dtype === 'bfloat16') {
    const words = new Uint32Array(value.data.length);
    (value.data as Uint16Array).forEach((b, i) => { words[i] = b << 16; });
    return ctx.builder.addInitializer(`const_${ctx.node.id}`, 'float32', value.shape, new Float32Array(words.buffer));
  }
  return ctx.builder.addInitializer(`const_${ctx.node.id}`, ortDtypeOf(value.dtype), value.shape, value.data);
};
