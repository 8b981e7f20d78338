import type { MemoryReport } from '@okapi/core';

/** Counts the tensors a backend holds (resident weights, optimizer state, outputs not yet disposed). */
export class MemoryLedger {
  private tensors = 0;
  private bytes = 0;

  add(bytes: number): void {
    this.tensors++;
    this.bytes += bytes;
  }

  remove(bytes: number): void {
    this.tensors--;
    this.bytes -= bytes;
  }

  report(): MemoryReport {
    return { tensors: this.tensors, bytes: this.bytes };
  }
}
