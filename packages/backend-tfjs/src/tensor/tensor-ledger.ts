import type { MemoryReport } from '@okapi/core';
import { bytesPerElement } from './dtype-map';
import type { TfjsDeviceTensor } from './tfjs-device-tensor';

/** The device tensors one backend instance handed out and that are still alive. */
export class TensorLedger {
  private readonly live = new Set<TfjsDeviceTensor>();

  add(tensor: TfjsDeviceTensor): void {
    this.live.add(tensor);
  }

  remove(tensor: TfjsDeviceTensor): void {
    this.live.delete(tensor);
  }

  report(): MemoryReport {
    let bytes = 0;
    for (const t of this.live) bytes += t.tensor.size * bytesPerElement(t.tensor.dtype);
    return { tensors: this.live.size, bytes };
  }

  disposeAll(): void {
    for (const t of [...this.live]) t.dispose();
  }
}
