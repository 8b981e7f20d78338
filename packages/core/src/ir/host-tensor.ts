import type { DType } from './dtype';
import { IrError } from './ir-error';
import { showShape, numel } from './shape';

/** The typed array that holds each dtype on the host; float16/bfloat16 are raw 16-bit patterns. */
export interface DTypeStorage {
  float32: Float32Array;
  float64: Float64Array;
  float16: Uint16Array;
  bfloat16: Uint16Array;
  int32: Int32Array;
  int64: BigInt64Array;
  bool: Uint8Array;
}

export type TensorData = DTypeStorage[DType];

/** A tensor in host memory: row-major, static shape. */
export interface HostTensor<D extends DType = DType> {
  readonly dtype: D;
  readonly shape: readonly number[];
  readonly data: DTypeStorage[D];
}

const storage: { [D in DType]: (n: number) => DTypeStorage[D] } = {
  float32: (n) => new Float32Array(n),
  float64: (n) => new Float64Array(n),
  float16: (n) => new Uint16Array(n),
  bfloat16: (n) => new Uint16Array(n),
  int32: (n) => new Int32Array(n),
  int64: (n) => new BigInt64Array(n),
  bool: (n) => new Uint8Array(n),
};

export function allocateStorage<D extends DType>(dtype: D, length: number): DTypeStorage[D] {
  return storage[dtype](length);
}

/** Builds a host tensor from numbers (or a typed array of the right kind), checking the length. */
export function hostTensor<D extends DType>(dtype: D, shape: readonly number[], values: ArrayLike<number> | ArrayLike<bigint> | DTypeStorage[D]): HostTensor<D> {
  const n = numel(shape);
  if (values.length !== n) {
    throw new IrError(`hostTensor: ${values.length} values for shape ${showShape(shape)} (needs ${n})`, 'Give exactly one value per element, row-major.');
  }
  const data = allocateStorage(dtype, n);
  if (data instanceof BigInt64Array) {
    for (let i = 0; i < n; i++) data[i] = BigInt(values[i] as number | bigint);
  } else {
    for (let i = 0; i < n; i++) (data as Float64Array)[i] = Number(values[i]);
  }
  return { dtype, shape: [...shape], data };
}

/** Element i as a JS number (int64 converted, 16-bit floats decoded). */
export function elementAsNumber(t: HostTensor, i: number): number {
  const v = t.data[i];
  if (typeof v === 'bigint') return Number(v);
  if (t.dtype === 'float16') return decodeFloat16(v);
  if (t.dtype === 'bfloat16') return new Float32Array(new Uint32Array([v << 16]).buffer)[0];
  return v;
}

/** All elements as float64 (for comparisons and the reference interpreter). */
export function toFloat64(t: HostTensor): Float64Array {
  const out = new Float64Array(t.data.length);
  for (let i = 0; i < out.length; i++) out[i] = elementAsNumber(t, i);
  return out;
}

function decodeFloat16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}
