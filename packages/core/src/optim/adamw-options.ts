import type { Value } from '../ir/value';

/** AdamW hyper-parameters baked into the update graph (lr and step are graph inputs instead). */
export interface AdamWOptions {
  /** @defaultValue 0.9 */
  readonly beta1?: number;
  /** @defaultValue 0.999 */
  readonly beta2?: number;
  /** Added to sqrt(v̂) (PyTorch placement). @defaultValue 1e-8 */
  readonly eps?: number;
  /** Decoupled weight decay: p ← p · (1 − lr · wd) before the Adam step. @defaultValue 0.01 */
  readonly weightDecay?: number;
  /** Clip the global L2 norm of all gradients to this value (PyTorch clip_grad_norm_); undefined = no clipping. */
  readonly maxGradNorm?: number;
}

export const adamWDefaults = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 } as const;

/** One trainable parameter in an update graph. */
export interface ParamSlot {
  /** Parameter name (HF tensor name); graph inputs/outputs derive from it. */
  readonly name: string;
  readonly param: Value;
  /** Its gradient (summed over accumulated micro-batches; `gradScale` divides). */
  readonly grad: Value;
  /** Apply weight decay (usually false for biases and norms). @defaultValue true */
  readonly decay?: boolean;
}
