import type { DeviceTensor, DType } from '@okapi/core';
import type { MemoryLedger } from './ort/memory-ledger';
import type { OrtTensor } from './ort/tensor-convert';

/**
 * A tensor held by the onnx backend. On the CPU provider "device" memory is the typed array inside
 * the onnxruntime tensor, which onnxruntime reads in place: feeding it to a run copies nothing.
 */
export class OnnxDeviceTensor implements DeviceTensor {
  readonly backend = 'onnx';
  /** Bytes of the data, fixed at creation (the tensor's data is gone once disposed). */
  readonly bytes: number;
  private released = false;

  constructor(
    readonly ort: OrtTensor,
    readonly dtype: DType,
    readonly shape: readonly number[],
    private readonly ledger: MemoryLedger,
    private readonly onDispose: () => void = () => undefined,
  ) {
    this.bytes = (ort.data as ArrayBufferView).byteLength;
    ledger.add(this.bytes);
  }

  get disposed(): boolean {
    return this.released;
  }

  dispose(): void {
    if (this.released) return;
    this.released = true;
    this.ledger.remove(this.bytes);
    this.onDispose();
    this.ort.dispose();
  }
}
