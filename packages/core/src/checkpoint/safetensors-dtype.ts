import { bfloat16ToFloat32, float32ToBfloat16, float32ToHalf, halfToFloat32 } from './float-codecs';

/** The float dtypes Okapi.ts reads from and writes to safetensors files (compute is always float32). */
export type StorageDType = 'F32' | 'F16' | 'BF16';

/** Every dtype name the safetensors format defines (so a header can be parsed before it is judged). */
export const safetensorsDTypeSizes: Readonly<Record<string, number>> = {
  BOOL: 1, U8: 1, I8: 1, F8_E5M2: 1, F8_E4M3: 1,
  I16: 2, U16: 2, F16: 2, BF16: 2,
  I32: 4, U32: 4, F32: 4,
  I64: 8, U64: 8, F64: 8,
};

export const storageDTypes: readonly StorageDType[] = ['F32', 'F16', 'BF16'];

export function isStorageDType(dtype: string): dtype is StorageDType {
  return (storageDTypes as readonly string[]).includes(dtype);
}

/** The `torch_dtype` value HF writes into config.json for a storage dtype. */
export const torchDTypeNames: Readonly<Record<StorageDType, string>> = {
  F32: 'float32',
  F16: 'float16',
  BF16: 'bfloat16',
};

/** Little-endian bytes of `dtype` → float32 values. */
export function decodeToFloat32(bytes: Uint8Array, dtype: StorageDType): Float32Array {
  if (dtype === 'F32') {
    const out = new Float32Array(bytes.byteLength / 4);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  const halves = new Uint16Array(bytes.byteLength / 2);
  new Uint8Array(halves.buffer).set(bytes);
  const out = new Float32Array(halves.length);
  const convert = dtype === 'F16' ? halfToFloat32 : bfloat16ToFloat32;
  for (let i = 0; i < halves.length; i++) out[i] = convert(halves[i]);
  return out;
}

/** float32 values → little-endian bytes of `dtype`. */
export function encodeFromFloat32(data: Float32Array, dtype: StorageDType): Uint8Array {
  if (dtype === 'F32') return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const halves = new Uint16Array(data.length);
  const convert = dtype === 'F16' ? float32ToHalf : float32ToBfloat16;
  for (let i = 0; i < data.length; i++) halves[i] = convert(data[i]);
  return new Uint8Array(halves.buffer);
}
