import type { DType } from '../dtype';
import { allocateStorage, toFloat64, type HostTensor } from '../host-tensor';
import { numel, stridesOf } from '../shape';

/** The reference interpreter's tensor: every dtype held as float64 (ints and bools exactly). */
export interface RefTensor {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

export function refTensor(dtype: DType, shape: readonly number[], data?: Float64Array): RefTensor {
  return { dtype, shape: [...shape], data: data ?? new Float64Array(numel(shape)) };
}

export function fromHost(t: HostTensor): RefTensor {
  return { dtype: t.dtype, shape: [...t.shape], data: toFloat64(t) };
}

/** Converts to a host tensor of `dtype` (float16/bfloat16 are not produced by the interpreter). */
export function toHost(t: RefTensor, dtype: DType = t.dtype): HostTensor {
  const data = allocateStorage(dtype, t.data.length);
  if (data instanceof BigInt64Array) t.data.forEach((v, i) => (data[i] = BigInt(Math.trunc(v))));
  else if (dtype === 'float16' || dtype === 'bfloat16') throw new Error(`reference interpreter: cannot produce ${dtype} host tensors`);
  else (data as Float64Array).set(t.data);
  return { dtype, shape: [...t.shape], data };
}

/** For each element of `outShape`, the flat offset of the broadcast element of `inShape`. */
export function broadcastOffsets(inShape: readonly number[], outShape: readonly number[]): Int32Array {
  const n = numel(outShape);
  const offsets = new Int32Array(n);
  const lead = outShape.length - inShape.length;
  const inStrides = stridesOf(inShape);
  const strides = outShape.map((_, i) => (i < lead || inShape[i - lead] === 1 ? 0 : inStrides[i - lead]));
  const index = new Array<number>(outShape.length).fill(0);
  let offset = 0;
  for (let k = 0; k < n; k++) {
    offsets[k] = offset;
    for (let d = outShape.length - 1; d >= 0; d--) {
      index[d]++;
      offset += strides[d];
      if (index[d] < outShape[d]) break;
      offset -= strides[d] * index[d];
      index[d] = 0;
    }
  }
  return offsets;
}

/** Elementwise over broadcast inputs. */
export function broadcastMap(inputs: readonly RefTensor[], dtype: DType, outShape: readonly number[], fn: (...xs: number[]) => number): RefTensor {
  const out = refTensor(dtype, outShape);
  const offsets = inputs.map((t) => broadcastOffsets(t.shape, outShape));
  const args = new Array<number>(inputs.length);
  for (let k = 0; k < out.data.length; k++) {
    for (let j = 0; j < inputs.length; j++) args[j] = inputs[j].data[offsets[j][k]];
    out.data[k] = fn(...args);
  }
  return out;
}

/** Rounds a value to what `dtype` can hold (ints truncate, bool is 0/1). */
export function coerce(dtype: DType, v: number): number {
  if (dtype === 'bool') return v ? 1 : 0;
  if (dtype === 'int32' || dtype === 'int64') return Math.trunc(v);
  return v;
}

/** Splits a shape around `axis`: [outer, dim, inner] counts, for axis-wise kernels. */
export function aroundAxis(shape: readonly number[], axis: number): [number, number, number] {
  return [numel(shape.slice(0, axis)), shape[axis], numel(shape.slice(axis + 1))];
}
