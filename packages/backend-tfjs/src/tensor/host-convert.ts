import { OkapiError, type HostTensor, type TensorData } from '@okapi/core';
import type { KernelBackend } from '@tensorflow/tfjs-core';
import type { Tensor, Tf, TfDType } from '../engine/tf-module';
import { tfDTypeOf } from './dtype-map';

const int32Min = -(2 ** 31);
const int32Max = 2 ** 31 - 1;

/**
 * A new tf.Tensor holding a copy of the host data (tfjs's cpu engine would otherwise alias it), on
 * `backend` when given (tfjs has one active backend per process; another instance may have switched it).
 */
export function toTfTensor(tf: Tf, host: HostTensor, where: string, backend?: KernelBackend): Tensor {
  const dtype = tfDTypeOf(host.dtype, where);
  return tf.engine().makeTensor(copyAs(host, dtype, where), [...host.shape], dtype, backend);
}

function copyAs(host: HostTensor, dtype: TfDType, where: string): Float32Array | Int32Array | Uint8Array {
  if (host.data instanceof BigInt64Array) return narrowInt64(host.data, where);
  if (dtype === 'bool') return Uint8Array.from(host.data as Uint8Array);
  if (dtype === 'int32') return Int32Array.from(host.data as Int32Array);
  return Float32Array.from(host.data as Float32Array);
}

function narrowInt64(data: BigInt64Array, where: string): Int32Array {
  const out = new Int32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < int32Min || v > int32Max) {
      throw new OkapiError(`${where}: int64 element ${i} (${v}) does not fit in int32`, { hint: 'tfjs holds integers as int32; ids and positions must be below 2^31.' });
    }
    out[i] = Number(v);
  }
  return out;
}

/** Copies a device tensor's values into host storage of the IR dtype. */
export async function toHostTensor(tensor: Tensor, dtype: HostTensor['dtype']): Promise<HostTensor> {
  const values = await tensor.data();
  const shape = [...tensor.shape];
  let data: TensorData;
  if (dtype === 'int64') data = BigInt64Array.from(values as Int32Array, (v) => BigInt(v));
  else if (dtype === 'bool') data = Uint8Array.from(values as Uint8Array);
  else if (dtype === 'int32') data = Int32Array.from(values as Int32Array);
  else data = Float32Array.from(values as Float32Array);
  return { dtype, shape, data };
}
