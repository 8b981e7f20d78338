import { OkapiError, type DeviceTensor, type DType } from '@okapi/core';
import type { Tensor } from '../engine/tf-module';
import type { TensorLedger } from './tensor-ledger';

export const tfjsBackendId = 'tfjs';

/** A tf.Tensor owned by the caller, with its IR dtype (int64 is held as int32). */
export class TfjsDeviceTensor implements DeviceTensor {
  readonly backend = tfjsBackendId;
  readonly shape: readonly number[];
  private released = false;

  constructor(readonly tensor: Tensor, readonly dtype: DType, private readonly ledger: TensorLedger) {
    this.shape = [...tensor.shape];
    ledger.add(this);
  }

  get disposed(): boolean {
    return this.released;
  }

  dispose(): void {
    if (this.released) return;
    this.released = true;
    this.tensor.dispose();
    this.ledger.remove(this);
  }
}

/** Checks that a feed is a live tensor of this backend. */
export function asTfjsTensor(value: DeviceTensor, where: string): TfjsDeviceTensor {
  if (!(value instanceof TfjsDeviceTensor)) {
    throw new OkapiError(`${where}: the tensor belongs to backend '${value.backend}', not '${tfjsBackendId}'`, {
      hint: 'Download it and upload it to this backend, or run the graph on the backend that made it.',
    });
  }
  if (value.disposed) throw new OkapiError(`${where}: the tensor was already disposed`, { hint: 'Keep weights alive while sessions use them.' });
  return value;
}
