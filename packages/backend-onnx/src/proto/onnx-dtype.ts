import type { DType } from '@okapi/core';
import { onnx } from 'onnx-proto';

const ElemType = onnx.TensorProto.DataType;

/** IR dtype → ONNX TensorProto element type. */
export const onnxElemType: Readonly<Record<DType, onnx.TensorProto.DataType>> = {
  float32: ElemType.FLOAT,
  float16: ElemType.FLOAT16,
  bfloat16: ElemType.BFLOAT16,
  float64: ElemType.DOUBLE,
  int32: ElemType.INT32,
  int64: ElemType.INT64,
  bool: ElemType.BOOL,
};

/** The onnxruntime-common tensor type string for an IR dtype. */
export type OrtTypeName = 'float32' | 'float16' | 'bfloat16' | 'float64' | 'int32' | 'int64' | 'bool';

export const ortTypeName: Readonly<Record<DType, OrtTypeName>> = {
  float32: 'float32',
  float16: 'float16',
  bfloat16: 'bfloat16',
  float64: 'float64',
  int32: 'int32',
  int64: 'int64',
  bool: 'bool',
};

const byOrtName = new Map<string, DType>(Object.entries(ortTypeName).map(([d, o]) => [o, d as DType]));

/** The IR dtype of an onnxruntime tensor type, or undefined for types the IR does not have. */
export function dtypeFromOrt(type: string): DType | undefined {
  return byOrtName.get(type);
}

/** Bytes per element (bool is one byte in ONNX and onnxruntime). */
export const bytesPerElement: Readonly<Record<DType, number>> = {
  float32: 4,
  float16: 2,
  bfloat16: 2,
  float64: 8,
  int32: 4,
  int64: 8,
  bool: 1,
};
