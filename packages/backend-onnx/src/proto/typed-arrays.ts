import { allocateStorage, type DType } from '@okapi/core';
import type { TypedData } from './tensor-proto';

/** A zeroed typed array of the host storage kind for a dtype. */
export function allocateTyped(dtype: DType, length: number): TypedData {
  return allocateStorage(dtype, length);
}
