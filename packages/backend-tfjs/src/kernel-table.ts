import { OkapiError, type KernelDescriptor } from '@okapi/core';
import { allKernels } from './kernels/all-kernels';
import { isTfjsKernel, type TfjsKernel } from './kernels/tfjs-kernel';
import { tfjsBackendId } from './tensor/tfjs-device-tensor';

/** Built-in kernels by op, overridden by kernel contributions for this backend. */
export function buildKernelTable(contributed: readonly KernelDescriptor[]): Map<string, TfjsKernel> {
  const table = new Map<string, TfjsKernel>(allKernels.map((k) => [k.op, k]));
  for (const d of contributed.filter((k) => k.backend === tfjsBackendId)) {
    if (!isTfjsKernel(d.implementation) || d.implementation.op !== d.op) {
      throw new OkapiError(`Kernel contribution '${tfjsBackendId}/${d.op}' is not a tfjs kernel`, {
        hint: `Its implementation must be { op: '${d.op}', run(ctx) { return tensor; } } (TfjsKernel from @okapi/backend-tfjs).`,
      });
    }
    table.set(d.op, d.implementation);
  }
  return table;
}
