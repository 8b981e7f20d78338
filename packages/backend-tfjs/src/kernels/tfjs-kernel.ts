import type { PlannedStep } from '../compile/execution-plan';
import type { EngineSpec } from '../engine/engine-spec';
import type { Tensor, Tf } from '../engine/tf-module';

/** What one kernel call sees: tfjs-core, its input tensors, the planned step (attrs, shapes) and the engine. */
export interface KernelContext {
  readonly tf: Tf;
  readonly inputs: readonly Tensor[];
  readonly step: PlannedStep;
  /** The engine running the kernel, with its known slow paths. */
  readonly engine: EngineSpec;
}

/**
 * The tfjs implementation of one IR op. It runs inside a tf.tidy, so temporaries need no disposal;
 * it must return a tensor of the step's output shape and the tfjs dtype of its IR dtype. Kernel
 * contributions for backend 'tfjs' (`r.kernel({ backend: 'tfjs', op, implementation })`) have this shape.
 */
export interface TfjsKernel {
  readonly op: string;
  run(ctx: KernelContext): Tensor;
}

export function isTfjsKernel(value: unknown): value is TfjsKernel {
  const k = value as Partial<TfjsKernel> | null;
  return typeof k === 'object' && k !== null && typeof k.op === 'string' && typeof k.run === 'function';
}
