import type { KernelDescriptor, OpRegistry } from '@okapi/core';
import { builtinLowerings } from './all-lowerings';
import { lowerByDecomposition } from './decomposition';
import type { OnnxKernel, OnnxLowering } from './onnx-lowering';

export interface LoweringChoice {
  /** Kernel contributions for the onnx backend. */
  readonly kernels: readonly KernelDescriptor[];
  /** `onnx.fusedKernels` from config: true = all, false = none, or op names. */
  readonly fusedKernels: boolean | readonly string[];
  /** CompileOptions.decompose: fused ops to run as their decomposition regardless. */
  readonly decompose?: readonly string[] | 'all';
  /** Execution provider in use; a kernel restricted to other providers is skipped. */
  readonly provider: string;
}

/**
 * The lowering of every op in the registry: built-in lowerings, overridden by the selected fused
 * kernels, with decompositions for fused ops that have neither (or that the caller asked to decompose).
 */
export function selectLowerings(registry: OpRegistry, choice: LoweringChoice): Map<string, OnnxLowering> {
  const table = new Map<string, OnnxLowering>();
  for (const def of registry.list()) {
    const builtin = builtinLowerings.get(def.name);
    if (builtin !== undefined) table.set(def.name, builtin);
    else if (def.decompose !== undefined) table.set(def.name, lowerByDecomposition(def));
  }
  for (const kernel of choice.kernels) {
    const impl = kernel.implementation as OnnxKernel;
    if (kernel.backend !== 'onnx' || !registry.has(kernel.op)) continue;
    if (impl.providers !== undefined && !impl.providers.includes(choice.provider)) continue;
    const lowering = kernelWanted(kernel.op, impl, choice.fusedKernels) ? impl.lower : unnamedPart(impl, choice.fusedKernels);
    if (lowering !== undefined) table.set(kernel.op, lowering);
  }
  for (const def of registry.list()) {
    const decompose = choice.decompose === 'all' || (choice.decompose ?? []).includes(def.name);
    if (decompose && def.fused && def.decompose !== undefined) table.set(def.name, lowerByDecomposition(def));
  }
  return table;
}

/** An opt-in kernel's always-exact part, when fused kernels are on but the kernel is not named. */
function unnamedPart(kernel: OnnxKernel, fusedKernels: boolean | readonly string[]): OnnxLowering | undefined {
  return fusedKernels === true && kernel.optIn === true ? kernel.unnamed : undefined;
}

function kernelWanted(op: string, kernel: OnnxKernel, fusedKernels: boolean | readonly string[]): boolean {
  if (typeof fusedKernels !== 'boolean') return fusedKernels.includes(op);
  return fusedKernels && kernel.optIn !== true;
}
