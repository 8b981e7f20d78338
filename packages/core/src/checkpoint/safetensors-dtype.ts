import { float32ToHalf, halfToFloat32 } from './float-codecs';

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

/** All 65536 half values, built on first use: decoding F16 is then one table lookup per element. */
let halfTable: Float32Array | undefined;
function halfLookup(): Float32Array {
  if (halfTable === undefined) {
    halfTable = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) halfTable[h] = halfToFloat32(h);
  }
  return halfTable;
}

/** A Uint16Array over `bytes`, without a copy when the bytes are 2-aligned (they are when freshly read). */
function halvesOf(bytes: Uint8Array): Uint16Array {
  if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  return new Uint16Array(Uint8Array.from(bytes).buffer);
}

/** Little-endian bytes of `dtype` → float32 values (the host is little-endian, as safetensors is). */
export function decodeToFloat32(bytes: Uint8Array, dtype: StorageDType): Float32Array {
  if (dtype === 'F32') {
    const out = new Float32Array(bytes.byteLength / 4);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  const halves = halvesOf(bytes);
  const out = new Float32Array(halves.length);
  if (dtype === 'BF16') {
    // bfloat16 is the top half of a float32: shift the bits into place
    const bits = new Int32Array(out.buffer);
    for (let i = 0; i < halves.length; i++) bits[i] = halves[i] << 16;
    return out;
  }
  const table = halfLookup();
  for (let i = 0; i < halves.length; i++) out[i] = table[halves[i]];
  return out;
}

/** float32 values → little-endian bytes of `dtype`. */
export function encodeFromFloat32(data: Float32Array, dtype: StorageDType): Uint8Array {
  if (dtype === 'F32') return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const halves = new Uint16Array(data.length);
  if (dtype === 'BF16') {
    const bits = new Uint32Array(data.buffer, data.byteOffset, data.length);
    for (let i = 0; i < data.length; i++) {
      const b = bits[i];
      // NaN: keep it a quiet NaN; otherwise round to nearest even on the dropped 16 bits
      halves[i] = (b & 0x7fffffff) > 0x7f800000 ? (b >>> 16) | 0x40 : (b + 0x7fff + ((b >>> 16) & 1)) >>> 16;
    }
  } else {
    for (let i = 0; i < data.length; i++) halves[i] = float32ToHalf(data[i]);
  }
  return new Uint8Array(halves.buffer);
}
