import type { DType, TensorData } from '@okapi/core';
import { onnx } from 'onnx-proto';
import { onnxElemType } from './onnx-dtype';

/** Typed-array storage for each dtype (float16/bfloat16 as raw 16-bit words, bool as bytes). */
export type TypedData = TensorData;

/** Bytes of a typed array as ONNX stores them (raw_data is little-endian, as every host we run on). */
export function rawBytes(data: TypedData): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** An initializer or constant with its data inline (raw_data). */
export function inlineTensorProto(name: string, dtype: DType, dims: readonly number[], data: TypedData): onnx.ITensorProto {
  return { name, dataType: onnxElemType[dtype], dims: [...dims], rawData: rawBytes(data) };
}

/** The same initializer with its bytes moved to an external data file (ONNX external data). */
export function movedToExternal(tensor: onnx.ITensorProto, location: string, offset: number, length: number): onnx.ITensorProto {
  return {
    name: tensor.name,
    dataType: tensor.dataType,
    dims: tensor.dims,
    dataLocation: onnx.TensorProto.DataLocation.EXTERNAL,
    externalData: [
      { key: 'location', value: location },
      { key: 'offset', value: String(offset) },
      { key: 'length', value: String(length) },
    ],
  };
}
