import { OkapiError, type DType, type HostTensor, type TensorData } from '@okapi/core';
import type * as OrtModule from 'onnxruntime-node';
import { dtypeFromOrt, ortTypeName } from '../proto/onnx-dtype';
import type { Ort } from './load-ort';

export type OrtTensor = OrtModule.Tensor;

/**
 * A host tensor as an onnxruntime tensor. The typed array is shared, not copied (onnxruntime-node
 * wraps it directly on the CPU provider), so the host tensor must not be mutated while a run uses it.
 * bfloat16 has no onnxruntime-js type: it is widened to float32, which the lowering computes in anyway.
 */
export function toOrtTensor(ort: Ort, host: HostTensor): OrtTensor {
  if (host.dtype === 'bfloat16') return new ort.Tensor('float32', widenBfloat16(host.data as Uint16Array), [...host.shape]);
  return new ort.Tensor(ortTypeName[host.dtype] as 'float32', host.data as Float32Array, [...host.shape]);
}

/** An onnxruntime tensor as a host tensor, sharing its data (no copy). */
export function fromOrtTensor(tensor: OrtTensor): HostTensor {
  const dtype: DType | undefined = dtypeFromOrt(tensor.type);
  if (dtype === undefined) {
    throw new OkapiError(`onnxruntime returned a tensor of type '${tensor.type}', which Okapi.ts has no dtype for`,
      { hint: 'Cast the value to float32, int64, int32 or bool in the graph before returning it.' });
  }
  return { dtype, shape: [...tensor.dims], data: tensor.data as TensorData };
}

/** The device dtype a host dtype lives as under onnxruntime. */
export function ortDtypeOf(dtype: DType): DType {
  return dtype === 'bfloat16' ? 'float32' : dtype;
}

function widenBfloat16(bits: Uint16Array): Float32Array {
  const words = new Uint32Array(bits.length);
  for (let i = 0; i < bits.length; i++) words[i] = bits[i] << 16;
  return new Float32Array(words.buffer);
}
