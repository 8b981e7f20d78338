import { OkapiError, type DType } from '@okapi/core';
import type { TfDType } from '../engine/tf-module';

/** IR dtypes the tfjs backend runs; int64 lives as int32 on the device (tfjs has no 64-bit types). */
export const tfjsDTypes: readonly DType[] = ['float32', 'int32', 'int64', 'bool'];

/** The tfjs dtype that holds an IR dtype. */
export function tfDTypeOf(dtype: DType, where: string): TfDType {
  switch (dtype) {
    case 'float32':
      return 'float32';
    case 'int32':
    case 'int64':
      return 'int32';
    case 'bool':
      return 'bool';
    default:
      throw new OkapiError(`${where}: the tfjs backend has no ${dtype} tensors`, {
        hint: `tfjs computes in ${tfjsDTypes.join(', ')}; cast to float32 on the host (checkpoint loading does) or in the graph, or use the onnx backend.`,
      });
  }
}

/** Bytes per element of a tfjs dtype (for memory reports). */
export function bytesPerElement(dtype: TfDType): number {
  return dtype === 'bool' ? 1 : 4;
}
